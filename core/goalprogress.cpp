#include "goalprogress.h"

#include "localeditor.h"
#include "recordvalidator.h"

#include <QJsonObject>

namespace careround {

QString GoalProgress::record(LocalEditor &editor, const QString &goalId, const QString &clientId,
                             int value, const QString &note, const QDateTime &at)
{
    QString id;
    editor.together([&] {
        editor.update(QStringLiteral("goal"), goalId, {{"progress", value}});
        QJsonObject update{{"goalId", goalId},
                           {"clientId", clientId},
                           {"value", value},
                           {"recordedAt", at.toUTC().toString(Qt::ISODate)}};
        // The author is the account editing (the server takes no other id for it).
        if (RecordValidator::isUuid(editor.actorId()))
            update.insert(QStringLiteral("authorId"), editor.actorId());
        if (!note.trimmed().isEmpty())
            update.insert(QStringLiteral("note"), note.trimmed());
        id = editor.create(QStringLiteral("goalProgress"), update);
    });
    return id;
}

void GoalProgress::recordAttainment(LocalEditor &editor, const QString &goalId,
                                    const QString &attainment, const QDate &day)
{
    editor.update(QStringLiteral("goal"), goalId,
                  {{"attainment", attainment.isEmpty() ? QJsonValue() : QJsonValue(attainment)},
                   {"attainmentOn",
                    attainment.isEmpty() ? QJsonValue() : QJsonValue(day.toString(Qt::ISODate))}});
}

} // namespace careround
