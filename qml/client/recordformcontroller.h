#pragma once

#include "screencontroller.h"

#include <QJsonObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace careround {

struct EntityDef;

/**
 * Backs every form that keeps a client's record current: the client's details and status,
 * contacts and caregivers, follow-ups and complaints outside a visit, the contact log, consents
 * to share information. The form names the kind, the record (none: a new one) and the fields it
 * shows; the schema says what each field takes (text, date, yes/no, a choice, a list) and how it
 * is checked. save() stores every changed field in one edit, or nothing with each bad field's
 * error; a status change dates itself (CareRules::statusDateField).
 */
class RecordFormController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString entity READ entity WRITE setEntity NOTIFY formChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY formChanged)
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY formChanged)
    Q_PROPERTY(QVariantList fields READ fields WRITE setFields NOTIFY formChanged)
    Q_PROPERTY(QStringList required READ required WRITE setRequired NOTIFY formChanged)
    Q_PROPERTY(QVariantMap presets READ presets WRITE setPresets NOTIFY formChanged)
    Q_PROPERTY(QVariantMap fixedValues READ fixedValues WRITE setFixedValues NOTIFY formChanged)
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(bool isNew READ isNew NOTIFY formChanged)
    Q_PROPERTY(bool sealed READ sealed NOTIFY changed)
    Q_PROPERTY(QString label READ label NOTIFY formChanged)
    Q_PROPERTY(QString todayText READ todayText NOTIFY sessionChanged)
    Q_PROPERTY(QString nowText READ nowText NOTIFY sessionChanged)

public:
    explicit RecordFormController(QObject *parent = nullptr);

    /** The kind of record, e.g. "contact". */
    QString entity() const { return m_entity; }
    void setEntity(const QString &entity);
    /** The record edited; empty: the form makes a new one. */
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    /** The client the record belongs to (set on a new record of a client's kind). */
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    /**
     * The fields shown, in order: maps with "name", "label" and optionally "multiline" (true)
     * or "hint". The name "followUpOn" (on a contact log entry) is a date that, when given,
     * adds a follow-up due that day, linked to the entry.
     */
    QVariantList fields() const { return m_fields; }
    void setFields(const QVariantList &fields);
    /** Fields this form requires although the schema does not (a status change's reason). */
    QStringList required() const { return m_required; }
    void setRequired(const QStringList &names);
    /** Values a new record starts with (a new consent's status, a complaint's raisedOn). */
    QVariantMap presets() const { return m_presets; }
    void setPresets(const QVariantMap &values);
    /** Values every save stores, new record or not (a revocation's status). */
    QVariantMap fixedValues() const { return m_fixed; }
    void setFixedValues(const QVariantMap &values);

    /**
     * One map per shown field: name, label, multiline, hint, kind ("text", "number", "date",
     * "dateTime", "boolean", "choice", "list"), value (as the form edits it: text, a yes/no,
     * a list of text), choices ({value, label} maps for a choice), required, error.
     */
    QVariantList rows() const { return m_rows; }
    /** A new record, or one that exists on the tablet and is not voided. */
    bool found() const { return m_found; }
    bool isNew() const { return m_recordId.isEmpty(); }
    /** The record is signed: only the fields the schema allows after signing can change. */
    bool sealed() const { return m_sealed; }
    /** What the kind is called ("contact person"). */
    QString label() const;
    /** Today as a date field takes it ("2026-12-02"), for a form's starting values. */
    QString todayText() const;
    /** Now as a date-time field takes it ("2026-12-02 14:05", local). */
    QString nowText() const;

    /**
     * Stores the form: inputs maps field names to what was typed or chosen (fields left out
     * keep their value). Returns the record's id; on bad input returns empty, stores nothing,
     * and sets errorText and each bad row's error.
     */
    Q_INVOKABLE QString save(const QVariantMap &inputs);
    /** Voids the record with a reason (a contact that no longer applies, a duplicate). */
    Q_INVOKABLE bool voidRecord(const QString &reason);

signals:
    void formChanged();
    void changed();

protected:
    void load() override;
    /** A form keeps what is being typed: it reads the record once, not on every change. */
    void onChange(const Change &) override {}

private:
    const EntityDef *def() const;
    QVariantMap rowFor(const EntityDef &def, const QVariantMap &field, const QJsonObject &values);
    QVariantList referenceChoices(const QString &entity, const QString &current);
    QJsonObject parse(const EntityDef &def, const QVariantMap &inputs,
                      QHash<QString, QString> &errors, QString *followUpOn);

    QString m_entity, m_recordId, m_clientId;
    QVariantList m_fields;
    QStringList m_required;
    QVariantMap m_presets;
    QVariantMap m_fixed;
    QVariantList m_rows;
    QJsonObject m_current;
    QHash<QString, QString> m_errors;
    QVariantMap m_typed; ///< what the last refused save was given, shown again
    bool m_found = false;
    bool m_sealed = false;
};

} // namespace careround
