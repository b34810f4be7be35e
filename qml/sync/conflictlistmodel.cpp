#include "conflictlistmodel.h"

#include "recordinput.h"

#include "conflictresolver.h"
#include "devicestore.h"
#include "localeditor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace careround {

namespace {

QString valueText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return ConflictListModel::tr("(empty)");
    if (v.isBool())
        return v.toBool() ? ConflictListModel::tr("yes") : ConflictListModel::tr("no");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QLocale().toString(v.toDouble());
    if (v.isObject()) {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            parts.append(QStringLiteral("%1: %2").arg(it.key(), valueText(it.value())));
        return parts.join(QStringLiteral("; "));
    }
    return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
}

QString whenText(const QString &stampText)
{
    const Stamp s = Stamp::fromString(stampText);
    if (s.isNull())
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(s.hlc.millis())),
                              QLocale::ShortFormat);
}

QJsonValue typed(const FieldDef *fd, const QString &text)
{
    if (!fd)
        return text;
    switch (fd->type) {
    case FieldType::Integer:
    case FieldType::Real: {
        bool ok = false;
        const double d = QLocale().toDouble(text, &ok);
        return ok ? QJsonValue(d) : QJsonValue(text);
    }
    case FieldType::Boolean:
        return text.trimmed().toLower() == ConflictListModel::tr("yes") ||
               text.trimmed().toLower() == QLatin1String("true");
    case FieldType::TextList: {
        QJsonArray items;
        for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            items.append(item.trimmed());
        return items;
    }
    default:
        return text;
    }
}

} // namespace

QString ConflictListModel::displayValue(const QJsonValue &value)
{
    return valueText(value);
}

ConflictListModel::ConflictListModel(QObject *parent)
    : QAbstractListModel(parent),
      m_watcher(
          {"conflict", "client"}, [this](const Change &) { reload(); }, [this] { reload(); })
{}

void ConflictListModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
    m_watcher.setSession(session);
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case ConflictIdRole:
        return r.id;
    case KindRole:
        return r.kind;
    case ExplanationRole:
        return r.explanation;
    case KeptTextRole:
        return r.keptText;
    case KeptWhoRole:
        return r.keptWho;
    case KeptWhenRole:
        return r.keptWhen;
    case OtherTextRole:
        return r.otherText;
    case OtherWhoRole:
        return r.otherWho;
    case OtherWhenRole:
        return r.otherWhen;
    case CanTakeOtherRole:
        return r.canTakeOther;
    case CanMergeRole:
        return r.canMerge;
    }
    return {};
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    return {{ConflictIdRole, "conflictId"},
            {TitleRole, "title"},
            {KindRole, "kind"},
            {ExplanationRole, "explanation"},
            {KeptTextRole, "keptText"},
            {KeptWhoRole, "keptWho"},
            {KeptWhenRole, "keptWhen"},
            {OtherTextRole, "otherText"},
            {OtherWhoRole, "otherWho"},
            {OtherWhenRole, "otherWhen"},
            {CanTakeOtherRole, "canTakeOther"},
            {CanMergeRole, "canMerge"}};
}

QString ConflictListModel::who(const QString &stampText, const QJsonValue &name) const
{
    const Stamp s = Stamp::fromString(stampText);
    if (s.isNull())
        return tr("unknown");
    // The server names the office in English; the tablet says it in its own language.
    if (s.node == QLatin1String("server"))
        return tr("the agency office");
    if (m_session && m_session->store() && s.node == m_session->store()->deviceId())
        return tr("this tablet");
    // The person the server named when it opened the conflict (none before schema 8).
    if (QString person = name.toString().trimmed(); !person.isEmpty())
        return person;
    return tr("another tablet");
}

ConflictListModel::Row ConflictListModel::describe(const Record &conflict) const
{
    const QJsonObject c = conflict.values;
    Row r;
    r.id = conflict.id;
    r.kind = c.value(QStringLiteral("kind")).toString();
    const QString entity = c.value(QStringLiteral("recordEntity")).toString();
    const EntityDef *def = Schema::instance().entity(entity);
    const QString field = c.value(QStringLiteral("field")).toString();
    QString subject = def ? def->labelText() : entity;
    if (m_session && m_session->store() && def) {
        if (auto rec = m_session->store()->records().find(
                *def, c.value(QStringLiteral("recordId")).toString())) {
            const QString name = rec->values.value(QStringLiteral("firstName")).toString() +
                                 QLatin1Char(' ') +
                                 rec->values.value(QStringLiteral("lastName")).toString();
            const QString label =
                !name.trimmed().isEmpty() ? name.trimmed()
                : rec->values.value(QStringLiteral("name")).toString().isEmpty()
                    ? rec->values.value(QStringLiteral("description")).toString().left(40)
                    : rec->values.value(QStringLiteral("name")).toString();
            if (!label.isEmpty())
                subject = QStringLiteral("%1 “%2”").arg(subject, label);
        }
    }
    r.title = tr("%1 of %2").arg(RecordInput::fieldLabel(field), subject);
    r.keptText =
        valueText(c.value(QStringLiteral("keptValue")).toObject().value(QStringLiteral("value")));
    r.otherText =
        valueText(c.value(QStringLiteral("otherValue")).toObject().value(QStringLiteral("value")));
    r.keptWho =
        who(c.value(QStringLiteral("keptStamp")).toString(), c.value(QStringLiteral("keptBy")));
    r.otherWho =
        who(c.value(QStringLiteral("otherStamp")).toString(), c.value(QStringLiteral("otherBy")));
    r.keptWhen = whenText(c.value(QStringLiteral("keptStamp")).toString());
    r.otherWhen = whenText(c.value(QStringLiteral("otherStamp")).toString());
    if (r.kind == QLatin1String("concurrent_edit")) {
        r.explanation = tr("Two people changed this at the same time. The newer value is in use; "
                           "the other one is kept here. Choose one, or write the right value.");
        r.canMerge = true;
    } else if (r.kind == QLatin1String("void_vs_edit")) {
        r.explanation = tr("Someone removed this record while someone else changed it. It is "
                           "kept for now. Confirm the removal, or keep the record.");
        r.title = tr("Removal of %1").arg(subject);
    } else if (r.kind == QLatin1String("amendment")) {
        r.explanation = tr("This was changed after it was signed. Signed content cannot change: "
                           "the proposal is kept on file. Acknowledge it, and make a new "
                           "document to be signed if the change is needed.");
        r.canTakeOther = false;
    } else {
        r.explanation = tr("This change came from a tablet whose clock was far ahead, so it was "
                           "held. Apply it if it is right, or keep things as they are.");
    }
    return r;
}

void ConflictListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_session && m_session->store() && m_session->editor()) {
        ConflictResolver resolver(*m_session->store(), *m_session->editor());
        for (const Record &c : resolver.open())
            m_rows.append(describe(c));
    }
    endResetModel();
    emit countChanged();
}

bool ConflictListModel::resolve(const QString &conflictId, const QString &choice,
                                const QString &mergedText)
{
    if (!m_session || !m_session->store() || !m_session->editor())
        return false;
    try {
        ConflictResolver resolver(*m_session->store(), *m_session->editor());
        QJsonValue merged;
        if (choice == QLatin1String("merged")) {
            const auto conflict = m_session->store()->records().find(
                *Schema::instance().entity(QStringLiteral("conflict")), conflictId);
            const EntityDef *def =
                conflict ? Schema::instance().entity(
                               conflict->values.value(QStringLiteral("recordEntity")).toString())
                         : nullptr;
            merged =
                typed(def ? def->field(conflict->values.value(QStringLiteral("field")).toString())
                          : nullptr,
                      mergedText);
        }
        resolver.resolve(conflictId,
                         choice == QLatin1String("other")    ? ConflictResolver::Choice::Other
                         : choice == QLatin1String("merged") ? ConflictResolver::Choice::Merged
                                                             : ConflictResolver::Choice::Kept,
                         merged);
    } catch (const StoreError &e) {
        setError(e.message());
        return false;
    }
    setError(QString());
    return true;
}

void ConflictListModel::setError(const QString &text)
{
    if (text != m_error) {
        m_error = text;
        emit errorTextChanged();
    }
}

} // namespace careround
