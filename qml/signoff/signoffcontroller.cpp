#include "signoffcontroller.h"

#include "assessmentdomains.h"
#include "devicestore.h"
#include "instruments.h"
#include "localeditor.h"
#include "recordinput.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace careround {

namespace {

QString displayValue(const FieldDef &fd, const QJsonValue &value)
{
    switch (fd.type) {
    case FieldType::Boolean:
        return value.toBool() ? SignOffController::tr("Yes") : SignOffController::tr("No");
    case FieldType::Integer:
    case FieldType::Real:
        return QLocale().toString(value.toDouble());
    case FieldType::Date:
    case FieldType::DateTime:
        return RecordInput::momentText(value.toString());
    case FieldType::TextList: {
        QStringList items;
        for (const auto &v : value.toArray())
            items.append(v.toString());
        return items.join(QStringLiteral(", "));
    }
    case FieldType::Text:
        return fd.allowed.isEmpty() ? value.toString() : RecordInput::label(value.toString());
    default:
        return value.toString();
    }
}

/** Fields a person reads: set, and not ids, links, the void marker or the client. */
bool shown(const EntityDef &entity, const FieldDef &fd, const QJsonValue &value)
{
    return fd.type != FieldType::Reference && fd.type != FieldType::Json &&
           fd.name != QLatin1String("voided") && fd.name != QLatin1String("voidReason") &&
           fd.name != entity.clientField && !value.isNull() && !value.isUndefined() &&
           !(value.toString().isEmpty() && fd.type == FieldType::Text);
}

/** The heading over a signed record's parts, e.g. "Goals (3)". */
QString childrenHeading(const EntityDef &child, qsizetype count)
{
    const int n = int(count);
    if (child.name == QLatin1String("goal"))
        return SignOffController::tr("Goals (%n)", nullptr, n);
    if (child.name == QLatin1String("actionStep"))
        return SignOffController::tr("Action steps (%n)", nullptr, n);
    if (child.name == QLatin1String("contingency"))
        return SignOffController::tr("Contingencies (%n)", nullptr, n);
    if (child.name == QLatin1String("assessmentAnswer"))
        return SignOffController::tr("Answers (%n)", nullptr, n);
    return SignOffController::tr("%1 (%2)").arg(child.labelText()).arg(n);
}

QString answerLine(const Record &answer)
{
    const QString instrument = answer.values.value(QLatin1String("instrument")).toString();
    const QString item = answer.values.value(QLatin1String("item")).toString();
    const int value = answer.values.value(QLatin1String("value")).toInt();
    if (instrument == QLatin1String("domain")) {
        const AssessmentDomain *domain =
            AssessmentDomains::find(item.section(QLatin1Char('.'), 0, 0));
        if (domain)
            for (const DomainQuestion &q : domain->questions)
                if (item.section(QLatin1Char('.'), 1) == QLatin1String(q.key))
                    return SignOffController::tr("%1 — %2: %3")
                        .arg(AssessmentDomains::tr(domain->title), AssessmentDomains::tr(q.text),
                             value >= 0 && value < q.options.size()
                                 ? AssessmentDomains::tr(q.options[value])
                                 : QString::number(value));
        return SignOffController::tr("%1: %2").arg(item).arg(value);
    }
    const Instrument *i = Instruments::find(instrument);
    const InstrumentItem *it = i ? i->item(item) : nullptr;
    if (!it)
        return SignOffController::tr("%1 %2: %3").arg(instrument, item).arg(value);
    return SignOffController::tr("%1 — %2: %3")
        .arg(Instruments::text(i->name), Instruments::text(it->text))
        .arg(value);
}

/** A sign-off shows a record with its children, signatures and amendments. */
QStringList everyKind()
{
    QStringList kinds;
    for (const EntityDef &d : Schema::instance().entities())
        kinds.append(d.name);
    return kinds;
}

} // namespace

SignOffController::SignOffController(QObject *parent)
    : ScreenController(everyKind(), parent),
      m_amendments(new KeyedListModel({"conflictId", "change", "status", "statusText"}, this))
{}

void SignOffController::setRecordEntity(const QString &entity)
{
    if (m_entity == entity)
        return;
    m_entity = entity;
    emit recordChanged();
    reload();
}

void SignOffController::setRecordId(const QString &id)
{
    if (m_id == id)
        return;
    m_id = id;
    clearError();
    m_notice.clear();
    emit recordChanged();
    reload();
}

QString SignOffController::sealedText() const
{
    return m_sealed ? tr("Signed by %1 on %2. This %3 is sealed and cannot be edited; a change "
                         "now is an amendment for a supervisor to review.")
                          .arg(m_signedBy, m_signedAt, m_kindLabel.toLower())
                    : QString();
}

QString SignOffController::fieldLabel(const QString &field)
{
    return RecordInput::fieldLabel(field);
}

bool SignOffController::fail(const QString &message)
{
    setError(message);
    m_notice.clear();
    emit changed();
    return false;
}

bool SignOffController::sign(const QString &signerName, const QString &relationship,
                             const QJsonArray &strokes)
{
    if (!m_found || !session() || !session()->editor())
        return fail(tr("There is nothing to sign"));
    if (signerName.trimmed().isEmpty())
        return fail(tr("Enter the name of the person signing"));
    if (relationship != QLatin1String("client") && relationship != QLatin1String("representative"))
        return fail(tr("Choose whether the client or a representative signs"));
    if (!edit([&](LocalEditor &e) {
            e.sign(m_resolvedEntity, m_id, signerName.trimmed(), relationship, strokes);
        }))
        return fail(errorText());
    m_notice = tr("Signed. The %1 is now sealed.").arg(m_kindLabel.toLower());
    emit changed();
    return true;
}

bool SignOffController::proposeAmendment(const QString &field, const QString &text)
{
    if (!m_found || !session() || !session()->editor())
        return fail(tr("There is nothing to amend"));
    if (!m_sealed)
        return fail(tr("This %1 is not signed yet: change it directly").arg(m_kindLabel.toLower()));
    if (text.trimmed().isEmpty())
        return fail(tr("Write the change you propose"));
    const EntityDef &entity = *Schema::instance().entity(m_resolvedEntity);
    if (!field.isEmpty() && (!entity.field(field) || entity.field(field)->type == FieldType::Json))
        return fail(tr("This %1 has no such field").arg(m_kindLabel.toLower()));
    // Same shape as the amendments the agency server records: {"value": {field: value}}.
    const QString key = field.isEmpty() ? QStringLiteral("description") : field;
    QJsonObject kept;
    if (!field.isEmpty()) {
        const auto record = store()->records().find(entity, m_id);
        kept.insert(key, record ? record->values.value(field) : QJsonValue());
    }
    QJsonObject values{{"recordEntity", m_resolvedEntity},
                       {"recordId", m_id},
                       {"kind", QStringLiteral("amendment")},
                       {"status", QStringLiteral("open")},
                       {"keptValue", QJsonObject{{"value", kept}}},
                       {"otherValue", QJsonObject{{"value", QJsonObject{{key, text.trimmed()}}}}}};
    if (!field.isEmpty())
        values.insert(QStringLiteral("field"), field);
    if (!m_clientId.isEmpty())
        values.insert(QStringLiteral("clientId"), m_clientId);
    if (!edit([&](LocalEditor &e) { e.create(QStringLiteral("conflict"), values); }))
        return fail(errorText());
    m_notice = tr("Amendment proposed. A supervisor will review it after the next sync.");
    emit changed();
    return true;
}

void SignOffController::load()
{
    m_found = m_sealed = false;
    m_kindLabel = m_title = m_clientName = m_clientId = m_content = m_fingerprint = QString();
    m_signedBy = m_signedAt = QString();
    m_strokes = QJsonArray();
    m_fields.clear();
    DeviceStore *store = ScreenController::store();
    const SignOffView view = store ? store->signOffs().view(m_entity, m_id) : SignOffView{};
    if (!view.found) {
        m_amendments->setRows({});
        emit changed();
        return;
    }
    const EntityDef &entity = *view.def;
    m_resolvedEntity = entity.name;
    m_found = true;
    m_clientId = view.record.clientId(entity);
    watchClient(m_clientId);
    m_clientName = view.clientName;
    const QJsonObject &v = view.record.values;
    if (m_resolvedEntity == QLatin1String("carePlan")) {
        m_kindLabel = tr("Care plan");
        m_title = v.value(QLatin1String("title")).toString();
    } else if (m_resolvedEntity == QLatin1String("assessment")) {
        m_kindLabel = tr("Assessment");
        m_title =
            tr("%1 assessment").arg(RecordInput::label(v.value(QLatin1String("kind")).toString()));
    } else {
        m_kindLabel = tr("Visit record");
        m_title = v.value(QLatin1String("purpose")).toString();
        if (m_title.isEmpty())
            m_title = tr("Visit");
    }

    // What is signed: exactly what the content hash covers.
    QStringList lines;
    lines.append(tr("%1: %2").arg(m_kindLabel, m_title));
    lines.append(tr("Client: %1").arg(m_clientName));
    for (const FieldDef &fd : entity.fields) {
        const QJsonValue value = v.value(fd.name);
        if (!shown(entity, fd, value))
            continue;
        lines.append(tr("%1: %2").arg(fieldLabel(fd.name), displayValue(fd, value)));
        if (fd.type == FieldType::Text && fd.allowed.isEmpty() && fd.name != entity.statusField &&
            !fd.editableWhenSealed)
            m_fields.append(QVariantMap{
                {"field", fd.name}, {"label", fieldLabel(fd.name)}, {"current", value.toString()}});
    }
    for (const SignedChildren &group : view.children) {
        const EntityDef &child = *group.kind;
        QStringList rows;
        for (const Record &c : group.rows) {
            if (child.name == QLatin1String("assessmentAnswer")) {
                rows.append(QStringLiteral("• ") + answerLine(c));
                continue;
            }
            QStringList parts;
            for (const FieldDef &fd : child.fields) {
                const QJsonValue value = c.values.value(fd.name);
                if (fd.name != child.sealedVia && shown(child, fd, value))
                    parts.append(tr("%1: %2").arg(fieldLabel(fd.name), displayValue(fd, value)));
            }
            rows.append(QStringLiteral("• ") + parts.join(QStringLiteral("; ")));
        }
        lines.append(QString());
        lines.append(childrenHeading(child, rows.size()));
        lines.append(rows);
        for (const InstrumentResult &r : group.scores) {
            const Instrument &instrument = *r.instrument;
            const InstrumentScore &s = r.score;
            lines.append(s.complete ? tr("Score, %1: %2 of %3, %4")
                                          .arg(Instruments::text(instrument.name))
                                          .arg(s.score)
                                          .arg(instrument.maxScore())
                                          .arg(Instruments::text(s.bandLabel))
                                    : tr("Score, %1: %2 of %3 items answered")
                                          .arg(Instruments::text(instrument.name))
                                          .arg(s.answered)
                                          .arg(instrument.items.size()));
        }
    }
    m_content = lines.join(QLatin1Char('\n'));

    m_sealed = view.sealed;
    if (view.signature) {
        const SignatureEntry &s = *view.signature;
        m_signedBy = tr("%1 (%2)").arg(s.signerName, s.relationship == QLatin1String("client")
                                                         ? tr("client")
                                                         : tr("representative"));
        m_signedAt =
            QLocale().toString(QDateTime::fromString(s.signedAt, Qt::ISODate).toLocalTime(),
                               QStringLiteral("d MMM yyyy 'at' hh:mm"));
        m_strokes = s.strokes;
        m_fingerprint = s.contentHash.left(16);
    } else if (session()->editor()) {
        m_fingerprint = session()->editor()->contentHash(m_resolvedEntity, m_id).left(16);
    }

    QVector<QVariantMap> amendments;
    for (const AmendmentEntry &a : view.amendments) {
        QStringList changes;
        for (auto it = a.proposed.begin(); it != a.proposed.end(); ++it)
            changes.append(tr("%1: %2").arg(
                fieldLabel(it.key()),
                it.value().isString()
                    ? it.value().toString()
                    : QString::fromUtf8(
                          QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))));
        amendments.append(
            {{"conflictId", a.conflictId},
             {"change", changes.join(QStringLiteral("; "))},
             {"status", a.status},
             {"statusText",
              a.status == QLatin1String("open") ? tr("Waiting for a supervisor") : tr("Settled")}});
    }
    m_amendments->setRows(amendments);
    emit changed();
}

} // namespace careround
