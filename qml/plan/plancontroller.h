#pragma once

#include "careplanrepository.h"
#include "keyedlistmodel.h"
#include "screencontroller.h"

#include <QHash>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the care plan screen: the client's current plan (or the one named by recordId), its
 * SMART goals with the SMART check and linked services, the action steps of each goal and the
 * contingencies. Every change is one LocalEditor call; a refused change (a signed plan, bad
 * input) leaves the store as it was and sets errorText.
 */
class PlanController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString planId READ planId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QVariantList statusChoices READ statusChoices NOTIFY changed)
    Q_PROPERTY(QString startDate READ startDate NOTIFY changed)
    Q_PROPERTY(QString reviewDate READ reviewDate NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(bool sealed READ sealed NOTIFY changed)
    Q_PROPERTY(QString sealedNote READ sealedNote NOTIFY changed)
    Q_PROPERTY(QString smartSummary READ smartSummary NOTIFY changed)
    Q_PROPERTY(QAbstractItemModel *goals READ goals CONSTANT)
    Q_PROPERTY(QAbstractItemModel *contingencies READ contingencies CONSTANT)
    Q_PROPERTY(QAbstractItemModel *unlinkedServices READ unlinkedServices CONSTANT)
    Q_PROPERTY(QVariantList domainChoices READ domainChoices CONSTANT)
    Q_PROPERTY(QVariantList ownerChoices READ ownerChoices CONSTANT)

public:
    explicit PlanController(QObject *parent = nullptr);

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    /** A plan to show; empty: the client's current plan (active, else the newest draft). */
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);

    bool found() const { return m_view.found; }
    QString planId() const { return m_view.planId; }
    QString title() const { return m_view.title; }
    QString status() const { return m_view.status; }
    QVariantList statusChoices() const { return m_statusChoices; }
    QString startDate() const { return m_view.startDate; }
    QString reviewDate() const { return m_view.reviewDate; }
    QString summary() const { return m_view.summary; }
    bool sealed() const { return m_view.sealed; }
    /** Who signed and when, and what can still change; empty when not signed. */
    QString sealedNote() const { return m_sealedNote; }
    /** "2 of 3 goals are SMART" and the like. */
    QString smartSummary() const { return m_smartSummary; }

    /** Rows: id, statement, domain, measure, targetValue, targetDate, achievable, relevance,
        status, statusLabel, statusChoices, progress, smartComplete, smartText, services. */
    QAbstractItemModel *goals() const { return m_goals; }
    /** Rows: id, barrier, alternative. */
    QAbstractItemModel *contingencies() const { return m_contingencies; }
    /** The client's open referrals serving no goal yet. Rows: id, label. */
    QAbstractItemModel *unlinkedServices() const { return m_unlinked; }
    QVariantList domainChoices() const;
    QVariantList ownerChoices() const;

    /** The steps of a goal. Rows: id, goalId, description, owner, ownerLabel, dueDate,
        dueText, overdue, status, statusLabel, statusChoices. Owned by the controller. */
    Q_INVOKABLE QAbstractItemModel *stepsFor(const QString &goalId);
    /** True when the field cannot change once the plan is signed. */
    Q_INVOKABLE bool lockedWhenSigned(const QString &entity, const QString &field) const;

    /** Starts a draft plan for the client, dated today. */
    Q_INVOKABLE bool createPlan(const QString &title);
    /** Saves one field of the plan, a goal, a step or a contingency (as typed or chosen). */
    /**
     * A new care plan in place of the current one: the new plan (a draft, to be signed) takes
     * the goals in keptGoalIds with their unfinished steps and the services linked to them;
     * the old plan is superseded (a draft one cancelled). All in one write: a process killed
     * in the middle leaves the old plan as it was and no new one.
     */
    Q_INVOKABLE bool replacePlan(const QString &title, const QStringList &keptGoalIds);
    /** A progress update of a goal (0-100, with an optional note), kept with the others. */
    Q_INVOKABLE bool recordProgress(const QString &goalId, const QVariant &value,
                                    const QString &note);
    /** The goal's attainment at review (see GoalProgress::recordAttainment), dated today. */
    Q_INVOKABLE bool setAttainment(const QString &goalId, const QString &attainment);
    Q_INVOKABLE bool setField(const QString &entity, const QString &id, const QString &field,
                              const QVariant &value);
    /** Adds an open goal; returns its id ("" when refused). */
    Q_INVOKABLE QString addGoal(const QString &statement);
    Q_INVOKABLE QString addStep(const QString &goalId, const QString &description,
                                const QString &owner, const QString &dueDate);
    Q_INVOKABLE QString addContingency(const QString &barrier, const QString &alternative);
    /** Voids a goal, step or contingency with a reason. */
    Q_INVOKABLE bool voidRecord(const QString &entity, const QString &id, const QString &reason);
    /** Links a referral (a service) to a goal. */
    Q_INVOKABLE bool linkService(const QString &referralId, const QString &goalId);

signals:
    void clientIdChanged();
    void recordIdChanged();
    void changed();

protected:
    void load() override;

private:
    QString m_clientId, m_recordId, m_createdPlanId;
    CarePlanView m_view;
    QVariantList m_statusChoices;
    QString m_sealedNote, m_smartSummary;
    KeyedListModel *m_goals;
    KeyedListModel *m_contingencies;
    KeyedListModel *m_unlinked;
    QHash<QString, KeyedListModel *> m_steps;
    QHash<QString, QVector<QVariantMap>> m_stepRows;
};

} // namespace careround
