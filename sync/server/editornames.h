#pragma once

#include "accountstore.h"
#include "hlc.h"

#include <QHash>
#include <QString>

namespace careround {

/**
 * Who made an edit, in words for people, from the node of its stamp: the name of the account
 * that owns the device (as the accounts say now), or "the agency office" for the server's own
 * stamps (office commands and edits made in the office console, which the server stamps).
 * The server names the two sides of a conflict with it: in the conflict records it opens
 * (keptBy, otherBy) and on the office console's review page.
 *
 * Reads every device with its owner's name once, when made: make one for a request that needs
 * names, when it first does, not one per edit.
 */
class EditorNames {
public:
    explicit EditorNames(AccountStore &accounts) : m_byDevice(accounts.deviceOwnerNames()) {}

    /** The words for the server's own edits. */
    static QString office() { return QStringLiteral("the agency office"); }
    /** Who made the edit stamped so; empty for a null stamp or a device the agency never had. */
    QString of(const Stamp &stamp) const;

private:
    QHash<QString, QString> m_byDevice;
};

} // namespace careround
