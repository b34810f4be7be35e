#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace careround {

/** One structured question of an assessment domain; the answer is the index of an option. */
struct DomainQuestion {
    const char *key;
    const char *text; ///< untranslated (QT_TRANSLATE_NOOP in "AssessmentDomains")
    QVector<const char *> options;
};

/**
 * One domain of the needs assessment (DESIGN.md section 1): its structured questions (stored
 * as assessmentAnswer records of instrument "domain", item "<domain>.<question>"), the
 * assessment field holding its free notes and the standard instruments that belong to it.
 */
struct AssessmentDomain {
    const char *key;
    const char *title;
    const char *notesField;
    QVector<DomainQuestion> questions;
    QStringList instruments;
};

namespace AssessmentDomains {
const QVector<AssessmentDomain> &all();
const AssessmentDomain *find(const QString &key);
/** The assessmentAnswer item key of a structured question ("safety.falls"). */
QString itemKey(const AssessmentDomain &domain, const DomainQuestion &question);
/** Translates a string of the catalogue. */
QString tr(const char *text);
} // namespace AssessmentDomains

} // namespace careround
