#include "assessmentdomains.h"

#include <QCoreApplication>

#define N(text) QT_TRANSLATE_NOOP("AssessmentDomains", text)

namespace careround {

namespace {

QVector<AssessmentDomain> build()
{
    const QVector<const char *> yesNo{N("No"), N("Yes")};
    const QVector<const char *> yesNoFirst{N("Yes"), N("No")};
    return {
        {"medical",
         N("Medical"),
         "medicalNotes",
         {{"chronic", N("Has a long-term health condition"), yesNo},
          {"hospital", N("Hospital or emergency visit in the last 6 months"), yesNo},
          {"doctor", N("Sees a regular doctor"), yesNoFirst}},
         {}},
        {"emotional",
         N("Emotional well-being"),
         "emotionalNotes",
         {{"lonely", N("Feels lonely"), {N("Rarely"), N("Sometimes"), N("Often")}},
          {"loss", N("Recent loss or big change in life"), yesNo}},
         {"phq2", "phq9"}},
        {"social",
         N("Social support"),
         "socialNotes",
         {{"emergencyContact", N("Has someone to call in an emergency"), yesNoFirst},
          {"contact",
           N("Sees family or friends"),
           {N("Weekly or more"), N("Monthly"), N("Rarely")}}},
         {}},
        {"financial",
         N("Financial stability"),
         "financialNotes",
         {{"needsMet",
           N("Income covers food, rent and bills"),
           {N("Yes"), N("Sometimes"), N("No")}},
          {"arrears", N("Behind on rent or utility bills"), yesNo}},
         {}},
        {"daily_living",
         N("Daily living"),
         "dailyLivingNotes",
         {{"helpAtHome",
           N("Help at home with daily tasks"),
           {N("Not needed"), N("Has help"), N("Needs help, has none")}}},
         {"katz", "lawton"}},
        {"housing",
         N("Housing"),
         "housingNotes",
         {{"stable",
           N("Housing is secure for the next 6 months"),
           {N("Yes"), N("Unsure"), N("No")}},
          {"access",
           N("Can get in and out of the home safely"),
           {N("Yes"), N("With difficulty"), N("No")}}},
         {}},
        {"transportation",
         N("Transportation"),
         "transportationNotes",
         {{"appointments",
           N("Gets to appointments"),
           {N("On their own"), N("With help"), N("Cannot get there")}}},
         {}},
        {"medication",
         N("Medication management"),
         "medicationNotes",
         {{"count", N("Daily medications"), {N("None"), N("1 to 4"), N("5 to 9"), N("10 or more")}},
          {"missed", N("Misses doses"), {N("Never"), N("Sometimes"), N("Often")}}},
         {}},
        {"safety",
         N("Safety"),
         "safetyNotes",
         {{"falls", N("Falls in the last 6 months"), {N("None"), N("One"), N("Two or more")}},
          {"safeAtHome", N("Feels safe at home"), {N("Yes"), N("Not always"), N("No")}},
          {"smokeAlarm", N("Working smoke alarm"), {N("Yes"), N("No"), N("Does not know")}}},
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
