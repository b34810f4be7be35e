#include "editornames.h"

#include "serverstore.h"

namespace careround {

QString EditorNames::of(const Stamp &stamp) const
{
    if (stamp.isNull())
        return {};
    if (stamp.node == ServerStore::serverNode())
        return office();
    return m_byDevice.value(stamp.node);
}

} // namespace careround
