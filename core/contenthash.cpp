#include "contenthash.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace careround {

namespace {

// Fields added from this schema version on join the hash only when they hold a value: a
// signature stored before a field existed keeps verifying after the field is added.
constexpr int kNullFieldsLeftOutFrom = 7;

/** The values as a store holds them: every field of the kind present, null when unset (a field
    of version kNullFieldsLeftOutFrom or later only when set). */
QJsonObject storedValues(const EntityDef &def, const QJsonObject &values, HashRule rule)
{
    QJsonObject all = values;
    for (const FieldDef &fd : def.fields) {
        if (rule == HashRule::SealedFields && fd.editableWhenSealed) {
            all.remove(fd.name);
            continue;
        }
        const auto it = all.constFind(fd.name);
        if (fd.since >= kNullFieldsLeftOutFrom) {
            if (it != all.constEnd() && it->isNull())
                all.remove(fd.name);
        } else if (it == all.constEnd()) {
            all.insert(fd.name, QJsonValue(QJsonValue::Null));
        }
    }
    return all;
}

} // namespace

QVector<const EntityDef *> sealedChildKinds(const EntityDef &def)
{
    QVector<const EntityDef *> kinds;
    for (const EntityDef &child : Schema::instance().entities())
        if (!child.sealedVia.isEmpty() && child.field(child.sealedVia)->references == def.name)
            kinds.append(&child);
    return kinds;
}

QString contentHash(const EntityDef &def, const Record &record, const QVector<Record> &children,
                    HashRule rule)
{
    QJsonObject content{{"entity", def.name},
                        {"id", record.id},
                        {"values", storedValues(def, record.values, rule)}};
    QJsonObject childRows;
    for (const EntityDef *child : sealedChildKinds(def)) {
        QVector<const Record *> rows;
        for (const Record &c : children)
            if (c.entity == child->name && !c.isVoided() &&
                c.values.value(child->sealedVia).toString() == record.id)
                rows.append(&c);
        std::sort(rows.begin(), rows.end(),
                  [](const Record *a, const Record *b) { return a->id < b->id; });
        QJsonArray array;
        for (const Record *c : rows)
            array.append(
                QJsonObject{{"id", c->id}, {"values", storedValues(*child, c->values, rule)}});
        childRows.insert(child->name, array);
    }
    content.insert(QStringLiteral("children"), childRows);
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(content).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

HashCheck checkContentHash(const QString &signedHash, const EntityDef &def, const Record &record,
                           const QVector<Record> &children)
{
    HashCheck check;
    check.hashNow = contentHash(def, record, children, HashRule::SealedFields);
    if (check.hashNow != signedHash) {
        const QString everyField = contentHash(def, record, children, HashRule::EveryField);
        if (everyField == signedHash)
            check.hashNow = everyField;
    }
    check.verified = !signedHash.isEmpty() && check.hashNow == signedHash;
    return check;
}

} // namespace careround
