#include "signoffcontroller.h"

#include "assessmentdomains.h"
#include "devicestore.h"
#include "instruments.h"
#include "localeditor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace careround {

namespace {

const EntityDef &def(const QString &entity)
{
    return *Schema::instance().entity(entity);
}

QString humanWords(const QString &value)
{
    QString s = value;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QString displayValue(const FieldDef &fd, const QJsonValue &value)
{
    switch (fd.type) {
    case FieldType::Boolean:
        return value.toBool() ? SignOffController::tr("Yes") : SignOffController::tr("No");
    case FieldType::Integer:
    case FieldType::Real:
        return QLocale().toString(value.toDouble());
    case FieldType::Date:
        return QLocale().toString(QDate::fromString(value.toString(), Qt::ISODate),
                                  QStringLiteral("d MMM yyyy"));
    case FieldType::DateTime:
        return QLocale().toString(
            QDateTime::fromString(value.toString(), Qt::ISODate).toLocalTime(),
            QStringLiteral("d MMM yyyy, hh:mm"));
    case FieldType::TextList: {
        QStringList items;
        for (const QJsonValue &v : value.toArray())
            items.append(v.toString());
        return items.join(QStringLiteral(", "));
    }
    case FieldType::Text:
        return fd.allowed.isEmpty() ? value.toString() : humanWords(value.toString());
    default:
        return value.toString();
    }
}

/** Fields a person reads: not ids, links, the void marker or the client. */
bool shown(const EntityDef &entity, const FieldDef &fd)
{
    return fd.type != FieldType::Reference && fd.type != FieldType::Json &&
           fd.name != QLatin1String("voided") && fd.name != QLatin1String("voidReason") &&
           fd.name != entity.clientField;
}

QString plural(const QString &label)
{
    const QString l = humanWords(label);
    return l.endsWith(QLatin1Char('y')) ? l.chopped(1) + QStringLiteral("ies")
                                        : l + QLatin1Char('s');
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
        .arg(i->name, QCoreApplication::translate("Instruments", it->text.toUtf8().constData()))
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
    QString words;
    for (const QChar c : field) {
        if (c.isUpper() && !words.isEmpty())
            words += QLatin1Char(' ');
        words += c.toLower();
    }
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return QCoreApplication::translate("Fields", words.toUtf8().constData());
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
    const EntityDef &entity = def(m_resolvedEntity);
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
    std::optional<Record> record;
    if (store && !m_id.isEmpty()) {
        const QStringList kinds = m_entity.isEmpty()
                                      ? QStringList{"carePlan", "assessment", "visit"}
                                      : QStringList{m_entity};
        for (const QString &kind : kinds) {
            const EntityDef *d = Schema::instance().entity(kind);
            if (!d || !d->signable)
                continue;
            if ((record = store->records().find(*d, m_id))) {
                m_resolvedEntity = kind;
                break;
            }
        }
    }
    if (!record || record->isVoided()) {
        m_amendments->setRows({});
        emit changed();
        return;
    }
    RecordRepository &records = store->records();
    const EntityDef &entity = def(m_resolvedEntity);
    m_found = true;
    m_clientId = record->clientId(entity);
    watchClient(m_clientId);
    if (const auto client = records.find(def(QStringLiteral("client")), m_clientId))
        m_clientName = client->values.value(QLatin1String("firstName")).toString() +
                       QLatin1Char(' ') +
                       client->values.value(QLatin1String("lastName")).toString();
    const QJsonObject &v = record->values;
    if (m_resolvedEntity == QLatin1String("carePlan")) {
        m_kindLabel = tr("Care plan");
        m_title = v.value(QLatin1String("title")).toString();
    } else if (m_resolvedEntity == QLatin1String("assessment")) {
        m_kindLabel = tr("Assessment");
        m_title = tr("%1 assessment").arg(humanWords(v.value(QLatin1String("kind")).toString()));
    } else {
        m_kindLabel = tr("Visit record");
        m_title = v.value(QLatin1String("purpose")).toString();
        if (m_title.isEmpty())
            m_title = tr("Visit");
    }

    // What is signed: exactly what LocalEditor::contentHash covers.
    QStringList lines;
    lines.append(tr("%1: %2").arg(m_kindLabel, m_title));
    lines.append(tr("Client: %1").arg(m_clientName));
    for (const FieldDef &fd : entity.fields) {
        const QJsonValue value = v.value(fd.name);
        if (!shown(entity, fd) || value.isNull() || value.isUndefined() ||
            (value.toString().isEmpty() && fd.type == FieldType::Text))
            continue;
        lines.append(tr("%1: %2").arg(fieldLabel(fd.name), displayValue(fd, value)));
        if (fd.type == FieldType::Text && fd.allowed.isEmpty() && fd.name != entity.statusField &&
            !fd.editableWhenSealed)
            m_fields.append(QVariantMap{
                {"field", fd.name}, {"label", fieldLabel(fd.name)}, {"current", value.toString()}});
    }
    for (const EntityDef &child : Schema::instance().entities()) {
        if (child.sealedVia.isEmpty() || child.field(child.sealedVia)->references != entity.name)
            continue;
        QStringList rows;
        QHash<QString, QHash<QString, int>> answers;
        for (const Record &c : records.findBy(child, child.sealedVia, m_id)) {
            if (c.isVoided())
                continue;
            if (child.name == QLatin1String("assessmentAnswer")) {
                rows.append(QStringLiteral("• ") + answerLine(c));
                answers[c.values.value(QLatin1String("instrument")).toString()].insert(
                    c.values.value(QLatin1String("item")).toString(),
                    c.values.value(QLatin1String("value")).toInt());
                continue;
            }
            QStringList parts;
            for (const FieldDef &fd : child.fields) {
                const QJsonValue value = c.values.value(fd.name);
                if (!shown(child, fd) || fd.name == child.sealedVia || value.isNull() ||
                    value.isUndefined() ||
                    (value.toString().isEmpty() && fd.type == FieldType::Text))
                    continue;
                parts.append(tr("%1: %2").arg(fieldLabel(fd.name), displayValue(fd, value)));
            }
            rows.append(QStringLiteral("• ") + parts.join(QStringLiteral("; ")));
        }
        if (rows.isEmpty())
            continue;
        lines.append(QString());
        lines.append(tr("%1 (%2)").arg(plural(child.label)).arg(rows.size()));
        lines.append(rows);
        for (const Instrument &instrument : Instruments::all()) {
            if (!answers.contains(instrument.id))
                continue;
            const InstrumentScore s = Instruments::score(instrument, answers.value(instrument.id));
            lines.append(s.complete ? tr("Score, %1: %2 of %3, %4")
                                          .arg(instrument.name)
                                          .arg(s.score)
                                          .arg(instrument.maxScore())
                                          .arg(s.bandLabel)
                                    : tr("Score, %1: %2 of %3 items answered")
                                          .arg(instrument.name)
                                          .arg(s.answered)
                                          .arg(instrument.items.size()));
        }
    }
    m_content = lines.join(QLatin1Char('\n'));

    m_sealed = records.isSealed(entity, *record);
    const auto signatures =
        records.findBy(def(QStringLiteral("signature")), QStringLiteral("recordId"), m_id);
    if (!signatures.isEmpty()) {
        const Record &s = signatures.constFirst(); // the first signature sealed it
        const QString relationship = s.values.value(QLatin1String("relationship")).toString();
        m_signedBy = tr("%1 (%2)").arg(
            s.values.value(QLatin1String("signerName")).toString(),
            relationship == QLatin1String("client") ? tr("client") : tr("representative"));
        m_signedAt = QLocale().toString(
            QDateTime::fromString(s.values.value(QLatin1String("signedAt")).toString(), Qt::ISODate)
                .toLocalTime(),
            QStringLiteral("d MMM yyyy 'at' hh:mm"));
        m_strokes = s.values.value(QLatin1String("strokes")).toArray();
        m_fingerprint = s.values.value(QLatin1String("contentHash")).toString().left(16);
    } else if (session()->editor()) {
        m_fingerprint = session()->editor()->contentHash(m_resolvedEntity, m_id).left(16);
    }

    QVector<QVariantMap> amendments;
    for (const Record &c :
         records.findBy(def(QStringLiteral("conflict")), QStringLiteral("recordId"), m_id)) {
        if (c.isVoided() ||
            c.values.value(QLatin1String("kind")).toString() != QLatin1String("amendment"))
            continue;
        QStringList changes;
        const QJsonObject proposed = c.values.value(QLatin1String("otherValue"))
                                         .toObject()
                                         .value(QLatin1String("value"))
                                         .toObject();
        for (auto it = proposed.begin(); it != proposed.end(); ++it)
            changes.append(tr("%1: %2").arg(
                fieldLabel(it.key()),
                it.value().isString()
                    ? it.value().toString()
                    : QString::fromUtf8(
                          QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))));
        const QString status = c.values.value(QLatin1String("status")).toString();
        amendments.append(
            {{"conflictId", c.id},
             {"change", changes.join(QStringLiteral("; "))},
             {"status", status},
             {"statusText",
              status == QLatin1String("open") ? tr("Waiting for a supervisor") : tr("Settled")}});
    }
    m_amendments->setRows(amendments);
    emit changed();
}

} // namespace careround
