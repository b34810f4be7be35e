#include "recordsource.h"

#include "recordrepository.h"

#include <algorithm>

namespace careround {

void RecordSet::add(const Record &record)
{
    m_byKind[record.entity].insert(record.id, record);
}

std::optional<Record> RecordSet::find(const EntityDef &def, const QString &id)
{
    return lookup(def, id);
}

std::optional<Record> RecordSet::lookup(const EntityDef &def, const QString &id) const
{
    const auto kind = m_byKind.constFind(def.name);
    if (kind == m_byKind.cend())
        return std::nullopt;
    const auto it = kind->constFind(id);
    if (it == kind->cend())
        return std::nullopt;
    return *it;
}

QVector<Record> RecordSet::findBy(const EntityDef &def, const QString &field, const QString &value)
{
    QVector<Record> out;
    for (const Record &r : m_byKind.value(def.name))
        if (r.values.value(field).toString() == value)
            out.append(r);
    std::sort(out.begin(), out.end(), [](const Record &a, const Record &b) { return a.id < b.id; });
    return out;
}

QVector<Record> RecordSet::all(const QString &entity) const
{
    QVector<Record> out;
    for (const Record &r : m_byKind.value(entity))
        out.append(r);
    std::sort(out.begin(), out.end(), [](const Record &a, const Record &b) { return a.id < b.id; });
    return out;
}

std::optional<Record> RepositoryRecordSource::find(const EntityDef &def, const QString &id)
{
    return m_records.find(def, id);
}

QVector<Record> RepositoryRecordSource::findBy(const EntityDef &def, const QString &field,
                                               const QString &value)
{
    return m_records.findBy(def, field, value);
}

} // namespace careround
