#include "conflictrepository.h"

#include <algorithm>

namespace careround {

QVector<Record> ConflictRepository::open()
{
    const EntityDef &def = *Schema::instance().entity(QStringLiteral("conflict"));
    QVector<Record> out;
    for (const Record &c : m_records.findBy(def, QStringLiteral("status"), QStringLiteral("open")))
        if (!c.isVoided())
            out.append(c);
    std::sort(out.begin(), out.end(), [](const Record &a, const Record &b) {
        return a.values.value(QStringLiteral("otherStamp")).toString() <
               b.values.value(QStringLiteral("otherStamp")).toString();
    });
    return out;
}

qint64 ConflictRepository::openCount()
{
    return m_db
        .scalar(QStringLiteral("SELECT count(*) FROM conflict WHERE status = 'open' AND "
                               "coalesce(voided, 0) = 0"))
        .toLongLong();
}

} // namespace careround
