#include "recordformcontroller.h"

#include "carerules.h"
#include "devicestore.h"
#include "localeditor.h"
#include "recordfields.h"
#include "recordinput.h"
#include "recordvalidator.h"

#include <QDateTime>
#include <QJsonArray>

namespace careround {

namespace {

const QString kFollowUpOn = QStringLiteral("followUpOn");

QString kindOf(const FieldDef &fd)
{
    switch (fd.type) {
    case FieldType::Integer:
    case FieldType::Real:
        return QStringLiteral("number");
    case FieldType::Date:
        return QStringLiteral("date");
    case FieldType::DateTime:
        return QStringLiteral("dateTime");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    case FieldType::TextList:
        return QStringLiteral("list");
    case FieldType::Reference:
        return QStringLiteral("choice");
    default:
        return fd.allowed.isEmpty() ? QStringLiteral("text") : QStringLiteral("choice");
    }
}

/** A stored value as the form edits it. */
QVariant inputOf(const FieldDef &fd, const QJsonValue &v)
{
    switch (fd.type) {
    case FieldType::Boolean:
        return v.toBool();
    case FieldType::Integer:
    case FieldType::Real:
        return v.isDouble() ? QString::number(v.toDouble()) : QString();
    case FieldType::DateTime:
        return RecordInput::dateTimeInput(v.toString());
    case FieldType::TextList: {
        QStringList items;
        for (const auto &item : v.toArray())
            items.append(item.toString());
        return items;
    }
    default:
        return v.toString();
    }
}

/** What people call a record in a picker: its name, title or description. */
QString recordLabel(const Record &r)
{
    for (const char *field : {"name", "title", "subject", "description", "statement"})
        if (!r.text(field).isEmpty())
            return r.text(field);
    return r.id;
}

} // namespace

RecordFormController::RecordFormController(QObject *parent)
    : ScreenController({"client", "contact", "followUp", "complaint", "contactLog", "consent",
                        "provider", "signature"},
                       parent)
{}

void RecordFormController::setEntity(const QString &entity)
{
    if (m_entity == entity)
        return;
    m_entity = entity;
    m_typed.clear();
    emit formChanged();
    reload();
}

void RecordFormController::setRecordId(const QString &id)
{
    if (m_recordId == id)
        return;
    m_recordId = id;
    m_typed.clear();
    emit formChanged();
    reload();
}

void RecordFormController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    m_typed.clear();
    emit formChanged();
    reload();
}

void RecordFormController::setFields(const QVariantList &fields)
{
    if (m_fields == fields)
        return;
    m_fields = fields;
    emit formChanged();
    reload();
}

void RecordFormController::setRequired(const QStringList &names)
{
    if (m_required == names)
        return;
    m_required = names;
    emit formChanged();
    reload();
}

void RecordFormController::setPresets(const QVariantMap &values)
{
    if (m_presets == values)
        return;
    m_presets = values;
    emit formChanged();
    reload();
}

void RecordFormController::setFixedValues(const QVariantMap &values)
{
    if (m_fixed == values)
        return;
    m_fixed = values;
    emit formChanged();
}

const EntityDef *RecordFormController::def() const
{
    return Schema::instance().entity(m_entity);
}

QString RecordFormController::label() const
{
    const EntityDef *d = def();
    return d ? d->labelText() : QString();
}

QString RecordFormController::todayText() const
{
    return today().toString(Qt::ISODate);
}

QString RecordFormController::nowText() const
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QVariantList RecordFormController::referenceChoices(const QString &entity, const QString &current)
{
    QVariantList out{QVariantMap{{"value", QString()}, {"label", tr("None")}}};
    DeviceStore *store = ScreenController::store();
    const EntityDef *target = Schema::instance().entity(entity);
    if (!store || !target)
        return out;
    // A kind of one client's (contacts, follow-ups) offers that client's; an agency kind
    // (providers) all its records still in use, and the one chosen before.
    const QVector<Record> records =
        target->clientField.isEmpty()
            ? store->records().all(*target)
            : store->records().findBy(*target, target->clientField, m_clientId);
    for (const Record &r : records) {
        if (r.id != current && (r.isVoided() || r.text("status") == QLatin1String("discontinued")))
            continue;
        out.append(QVariantMap{{"value", r.id}, {"label", recordLabel(r)}});
    }
    return out;
}

QVariantMap RecordFormController::rowFor(const EntityDef &d, const QVariantMap &field,
                                         const QJsonObject &values)
{
    const QString name = field.value(QStringLiteral("name")).toString();
    QVariantMap row = field;
    row.insert(QStringLiteral("multiline"), field.value(QStringLiteral("multiline")).toBool());
    row.insert(QStringLiteral("hint"), field.value(QStringLiteral("hint")).toString());
    row.insert(QStringLiteral("error"), m_errors.value(name));
    if (name == kFollowUpOn && d.field(QStringLiteral("followUpId"))) {
        row.insert(QStringLiteral("kind"), QStringLiteral("date"));
        row.insert(QStringLiteral("value"), m_typed.value(name).toString());
        row.insert(QStringLiteral("required"), false);
        return row;
    }
    const FieldDef *fd = d.field(name);
    if (!fd)
        return {};
    const QJsonValue stored = values.contains(name) || !isNew()
                                  ? values.value(name)
                                  : QJsonValue::fromVariant(m_presets.value(name));
    row.insert(QStringLiteral("kind"), kindOf(*fd));
    // After a refused save the form shows what was typed, not what is stored.
    row.insert(QStringLiteral("value"),
               m_typed.contains(name) ? m_typed.value(name) : inputOf(*fd, stored));
    row.insert(QStringLiteral("required"), fd->required || m_required.contains(name));
    if (fd->type == FieldType::Reference)
        row.insert(QStringLiteral("choices"), referenceChoices(fd->references, stored.toString()));
    else if (name == d.statusField && !isNew())
        row.insert(QStringLiteral("choices"), RecordInput::statusChoices(d, stored.toString()));
    else if (!fd->allowed.isEmpty())
        row.insert(QStringLiteral("choices"), RecordInput::fieldChoices(d, name));
    return row;
}

void RecordFormController::load()
{
    m_rows.clear();
    m_current = {};
    m_found = false;
    m_sealed = false;
    DeviceStore *store = ScreenController::store();
    const EntityDef *d = def();
    if (store && d) {
        if (isNew()) {
            m_found = true;
        } else if (const std::optional<Record> r = store->records().find(*d, m_recordId);
                   r && !r->isVoided()) {
            m_found = true;
            m_current = r->values;
            m_sealed = store->records().isSealed(*d, *r);
        }
    }
    if (m_found)
        for (const QVariant &f : m_fields) {
            const QVariantMap row = rowFor(*d, f.toMap(), m_current);
            if (!row.isEmpty())
                m_rows.append(row);
        }
    emit changed();
}

QJsonObject RecordFormController::parse(const EntityDef &d, const QVariantMap &inputs,
                                        QHash<QString, QString> &errors, QString *followUpOn)
{
    QJsonObject values;
    for (const QVariant &f : m_fields) {
        const QString name = f.toMap().value(QStringLiteral("name")).toString();
        if (!inputs.contains(name))
            continue;
        const QVariant input = inputs.value(name);
        if (name == kFollowUpOn) {
            const QString day = input.toString().trimmed();
            if (!day.isEmpty() && !RecordValidator::isDate(day))
                errors.insert(name, tr("Enter the date as YYYY-MM-DD, for example 2026-12-31"));
            *followUpOn = day;
            continue;
        }
        const FieldDef *fd = d.field(name);
        if (!fd)
            continue;
        QJsonValue v;
        QString error;
        if (fd->type == FieldType::TextList) {
            QStringList items;
            for (const QString &item : input.toStringList())
                if (!item.trimmed().isEmpty() && !items.contains(item.trimmed()))
                    items.append(item.trimmed());
            v = QJsonArray::fromStringList(items);
            if (items.isEmpty() && (fd->required || m_required.contains(name)))
                error = tr("Add at least one");
        } else {
            v = RecordInput::fromInput(d, name, input, &error);
            if (error.isEmpty() && v.isNull() && m_required.contains(name))
                error = tr("This cannot be left empty");
        }
        if (!error.isEmpty())
            errors.insert(name, error);
        else
            values.insert(name, v);
    }
    return values;
}

QString RecordFormController::save(const QVariantMap &inputs)
{
    const EntityDef *d = def();
    Session *session = ScreenController::session();
    if (!d || !session || !session->editor()) {
        setError(tr("The tablet is locked."));
        return {};
    }
    QHash<QString, QString> errors;
    QString followUpOn;
    QJsonObject values = parse(*d, inputs, errors, &followUpOn);
    // Presets and fixed values are in the form's terms too (a local "YYYY-MM-DD HH:MM").
    const auto put = [&](const QVariantMap &given, bool overwrite) {
        for (auto it = given.cbegin(); it != given.cend(); ++it) {
            if (!d->field(it.key()) || (!overwrite && values.contains(it.key())))
                continue;
            QString error;
            const QJsonValue v = RecordInput::fromInput(*d, it.key(), it.value(), &error);
            if (!v.isUndefined())
                values.insert(it.key(), v);
        }
    };
    if (isNew())
        put(m_presets, false);
    put(m_fixed, true);
    m_errors = errors;
    m_typed = inputs;
    if (!errors.isEmpty()) {
        setError(tr("Check the fields marked below: nothing was saved."));
        load();
        return {};
    }
    // A status change dates itself, unless the form shows that date.
    const QString status = values.value(d->statusField).toString();
    if (!d->statusField.isEmpty() && !status.isEmpty() &&
        status != m_current.value(d->statusField).toString()) {
        const QString dateField = CareRules::statusDateField(d->name, status);
        if (!dateField.isEmpty() && d->field(dateField) && !values.contains(dateField))
            values.insert(dateField, today().toString(Qt::ISODate));
    }
    const QString actor = session->editor()->actorId();
    QString id = m_recordId;
    const bool ok = edit([&](LocalEditor &editor) {
        editor.together([&] {
            if (!followUpOn.isEmpty()) {
                // The follow-up a logged call asks for, in the same edit as the entry.
                const QString summary = values.value(QStringLiteral("summary")).toString();
                values.insert(
                    QStringLiteral("followUpId"),
                    editor.create(
                        QStringLiteral("followUp"),
                        QJsonObject{
                            {"clientId", m_clientId},
                            {"description",
                             RecordValidator::leftCharacters(
                                 tr("Follow up: %1").arg(summary.isEmpty() ? label() : summary),
                                 200)},
                            {"dueOn", followUpOn},
                            {"status", "open"},
                            {"priority", "normal"}}));
            }
            if (!isNew()) {
                editor.update(d->name, id, values);
            } else {
                for (const QString &key : values.keys())
                    if (values.value(key).isNull())
                        values.remove(key); // an empty optional field of a new record
                if (!d->clientField.isEmpty() && d->clientField != QLatin1String("id"))
                    values.insert(d->clientField, m_clientId);
                for (const FieldDef &fd : d->fields)
                    if (fd.actor && RecordValidator::isUuid(actor))
                        values.insert(fd.name, actor);
                id = editor.create(d->name, values);
            }
        });
    });
    if (!ok) {
        load();
        return {};
    }
    setError({});
    m_errors.clear();
    m_typed.clear();
    return id;
}

bool RecordFormController::voidRecord(const QString &reason)
{
    if (isNew())
        return false;
    if (reason.trimmed().isEmpty()) {
        setError(tr("Say why it is removed (for example: entered by mistake, no longer "
                    "involved)."));
        return false;
    }
    return edit([&](LocalEditor &editor) { editor.voidRecord(m_entity, m_recordId, reason); });
}

} // namespace careround
