#include "assessmentdomains.h"

#include <QCoreApplication>

namespace careround {

namespace {

QVector<AssessmentDomain> build()
{
    const QVector<const char *> yesNo{QT_TRANSLATE_NOOP("AssessmentDomains", "No"),
                                      QT_TRANSLATE_NOOP("AssessmentDomains", "Yes")};
    const QVector<const char *> yesNoFirst{QT_TRANSLATE_NOOP("AssessmentDomains", "Yes"),
                                           QT_TRANSLATE_NOOP("AssessmentDomains", "No")};
    return {
        {"medical",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Medical"),
         "medicalNotes",
         {{"chronic", QT_TRANSLATE_NOOP("AssessmentDomains", "Has a long-term health condition"),
           yesNo},
          {"hospital",
           QT_TRANSLATE_NOOP("AssessmentDomains",
                             "Hospital or emergency visit in the last 6 months"),
           yesNo},
          {"doctor", QT_TRANSLATE_NOOP("AssessmentDomains", "Sees a regular doctor"), yesNoFirst}},
         {}},
        {"emotional",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Emotional well-being"),
         "emotionalNotes",
         {{"lonely",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Feels lonely"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Rarely"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Sometimes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Often")}},
          {"loss", QT_TRANSLATE_NOOP("AssessmentDomains", "Recent loss or big change in life"),
           yesNo}},
         {"phq2", "phq9"}},
        {"social",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Social support"),
         "socialNotes",
         {{"emergencyContact",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Has someone to call in an emergency"),
           yesNoFirst},
          {"contact",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Sees family or friends"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Weekly or more"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Monthly"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Rarely")}}},
         {}},
        {"financial",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Financial stability"),
         "financialNotes",
         {{"needsMet",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Income covers food, rent and bills"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Yes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Sometimes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "No")}},
          {"arrears", QT_TRANSLATE_NOOP("AssessmentDomains", "Behind on rent or utility bills"),
           yesNo}},
         {}},
        {"daily_living",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Daily living"),
         "dailyLivingNotes",
         {{"helpAtHome",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Help at home with daily tasks"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Not needed"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Has help"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Needs help, has none")}}},
         {"katz", "lawton"}},
        {"housing",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Housing"),
         "housingNotes",
         {{"stable",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Housing is secure for the next 6 months"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Yes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Unsure"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "No")}},
          {"access",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Can get in and out of the home safely"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Yes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "With difficulty"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "No")}}},
         {}},
        {"transportation",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Transportation"),
         "transportationNotes",
         {{"appointments",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Gets to appointments"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "On their own"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "With help"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Cannot get there")}}},
         {}},
        {"medication",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Medication management"),
         "medicationNotes",
         {{"count",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Daily medications"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "None"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "1 to 4"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "5 to 9"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "10 or more")}},
          {"missed",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Misses doses"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Never"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Sometimes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Often")}}},
         {}},
        {"safety",
         QT_TRANSLATE_NOOP("AssessmentDomains", "Safety"),
         "safetyNotes",
         {{"falls",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Falls in the last 6 months"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "None"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "One"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Two or more")}},
          {"safeAtHome",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Feels safe at home"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Yes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Not always"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "No")}},
          {"smokeAlarm",
           QT_TRANSLATE_NOOP("AssessmentDomains", "Working smoke alarm"),
           {QT_TRANSLATE_NOOP("AssessmentDomains", "Yes"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "No"),
            QT_TRANSLATE_NOOP("AssessmentDomains", "Does not know")}}},
         {}},
    };
}

} // namespace

const QVector<AssessmentDomain> &AssessmentDomains::all()
{
    static const QVector<AssessmentDomain> domains = build();
    return domains;
}

const AssessmentDomain *AssessmentDomains::find(const QString &key)
{
    for (const AssessmentDomain &d : all())
        if (key == QLatin1String(d.key))
            return &d;
    return nullptr;
}

QString AssessmentDomains::itemKey(const AssessmentDomain &domain, const DomainQuestion &question)
{
    return QLatin1String(domain.key) + QLatin1Char('.') + QLatin1String(question.key);
}

QString AssessmentDomains::tr(const char *text)
{
    return QCoreApplication::translate("AssessmentDomains", text);
}

} // namespace careround
