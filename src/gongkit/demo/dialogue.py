"""What people say on demo calls: lines of speech per topic, what a subject says to give away their address and
number, the agenda of each kind of call, and the keyword trackers the analysis matches on them."""

from __future__ import annotations

from gongkit.demo.vocabulary import COMPETITORS

# Lines of speech per topic: (rep lines, customer lines). Internal topics use the first tuple only.
LINES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Call Setup": (
        (
            "Hi {first}, thanks for making the time today.",
            "Can everyone hear me okay?",
            "I'll share my screen in a second.",
            "Before we dive in, is it okay if I record this so I can focus on our conversation?",
            "We have about thirty minutes, so here's what I'd suggest for the agenda.",
            "Let me quickly recap what we talked about last time.",
        ),
        (
            "Yes, I can hear you fine.",
            "Sure, recording is fine.",
            "Thanks for having us.",
            "I've got a hard stop at the top of the hour.",
            "I'm joining from the warehouse floor, so excuse the noise.",
            "Sounds good, let's get started.",
        ),
    ),
    "Small Talk": (
        (
            "How was your weekend?",
            "Are you still based in {city}?",
            "I saw {account} just opened a new distribution center, congratulations.",
            "Did you make it to the supply chain conference last week?",
        ),
        (
            "It was good, we finally got some sun.",
            "Busy week, quarter end is always hectic.",
            "Yes, we went live with the new site last month.",
            "Same as always, too many meetings.",
        ),
    ),
    "Discovery": (
        (
            "Can you walk me through how your team handles picking today?",
            "What does a typical peak season look like for {account}?",
            "How many sites are we talking about?",
            "What happens today when an order is delayed?",
            "Who else is involved in evaluating a project like this?",
            "What made you start looking at automation now?",
            "How do you measure pick accuracy today?",
        ),
        (
            "Right now it's mostly manual, we have about {n} people per shift.",
            "Peak season is brutal, volume roughly triples in November.",
            "We run {n} sites, but the pilot would be in one.",
            "Mis-picks are our biggest cost driver at the moment.",
            "Our VP of Operations signs off, but I run the evaluation.",
            "We tried a pilot with {competitor} two years ago and it didn't scale.",
            "Labor is the real problem, we can't hire fast enough.",
        ),
    ),
    "Product Demo": (
        (
            "Let me show you the fleet dashboard.",
            "Here you can see every robot's status in real time.",
            "This is where your supervisors assign zones.",
            "The routing adapts automatically when an aisle is blocked.",
            "Most customers see pick rates go up within the first month.",
            "This report is the one your finance team will care about.",
        ),
        (
            "Can supervisors override the routes manually?",
            "How long does it take to map a new site?",
            "That dashboard looks a lot cleaner than what we have today.",
            "What happens if the Wi-Fi drops?",
            "Can we export that report to Excel?",
        ),
    ),
    "Integration": (
        (
            "We integrate with most WMS platforms out of the box.",
            "The API is REST based and fully documented.",
            "Typically the integration takes two to three weeks.",
            "Our solutions engineer will walk your IT team through the connector.",
        ),
        (
            "We're on SAP EWM, is that supported?",
            "Our IT team will want to see the API documentation.",
            "Do you need a VPN into our network?",
            "Who owns the integration work, us or you?",
        ),
    ),
    "Security": (
        (
            "We're SOC 2 Type II certified and I can send the report under NDA.",
            "All data is encrypted in transit and at rest.",
            "We support SSO with Okta and Azure AD.",
            "Data is hosted in the region of your choice.",
        ),
        (
            "Our security team will send over a questionnaire.",
            "Do you support SSO?",
            "Where is the data stored?",
            "We need to be GDPR compliant for our EU sites.",
        ),
    ),
    "Pricing": (
        (
            "Pricing is per robot per month, and it includes support.",
            "For {n} robots we're looking at roughly {amount} a year.",
            "If you sign a three-year agreement we can lock in today's rate.",
            "There's a one-time onboarding fee for site mapping.",
        ),
        (
            "That's higher than we budgeted for.",
            "Is there any flexibility on the onboarding fee?",
            "What does the price look like if we start with one site?",
            "We'd need a quote in writing to take this to finance.",
        ),
    ),
    "Objections": (
        (
            "That's a fair concern, let me address it.",
            "A lot of our customers felt the same way before the pilot.",
            "We can structure the pilot so there's no risk for you.",
            "What would you need to see to feel confident?",
        ),
        (
            "Honestly, I'm worried about disruption during peak.",
            "Our floor staff are skeptical about robots.",
            "We're not sure the ROI works at our volumes.",
            "Timing is the issue, not the product.",
        ),
    ),
    "Competition": (
        (
            "How does {competitor} compare on what you've seen so far?",
            "Unlike {competitor}, we don't require floor markers.",
            "Customers usually pick us for the speed of deployment.",
        ),
        (
            "We're also talking to {competitor}.",
            "{competitor} came in cheaper, to be honest.",
            "Their demo was impressive but the contract terms weren't.",
        ),
    ),
    "Timeline": (
        (
            "When would you ideally want the first site live?",
            "Working backwards from that date, we'd need a signature by the end of the month.",
            "Is there a budget cycle we should be aware of?",
        ),
        (
            "We want to be live before peak season.",
            "Budget gets approved in January.",
            "Legal review usually takes two to three weeks on our side.",
        ),
    ),
    "Next Steps": (
        (
            "I'll send over a recap and the proposal by {day}.",
            "Let's get a technical session on the calendar with your IT team.",
            "Can we pencil in thirty minutes next {day}?",
            "I'll loop in our solutions engineer for the site assessment.",
        ),
        (
            "Sounds good, send me the proposal.",
            "Let me check with my boss and get back to you.",
            "Next {day} works for me.",
            "Please include the security documents in the email.",
        ),
    ),
    "Voicemail": (
        (
            "Hi {first}, this is {rep} from {company}.",
            "I was calling about the automation project we discussed.",
            "Give me a call back when you have a minute.",
            "I'll also send you a quick email with a few times that work.",
        ),
        (),
    ),
    "Pipeline": (
        (
            "Let's go through the commit deals for this quarter.",
            "Where are we with {account}?",
            "They're in legal review, I expect a signature next week.",
            "I'm worried about {account}, the champion went quiet.",
            "Can we get an exec sponsor on the {account} deal?",
            "The forecast is looking about ten percent short.",
            "Let's move {account} to best case for now.",
            "What's the next step on that one?",
            "I'll update the opportunity in the CRM after this call.",
        ),
        (),
    ),
    "Coaching": (
        (
            "Let's listen to the part where pricing came up.",
            "You jumped to the demo a little early there.",
            "Try asking one more discovery question before pitching.",
            "Nice job handling the objection about {competitor}.",
            "What would you do differently next time?",
            "I'd have asked who else is involved in the decision.",
        ),
        (),
    ),
}
PII_EMAIL_LINES = ("Sure, my email is {email}.", "You can send it to {email}, that's the best address.")
PII_PHONE_LINES = ("My direct line is {phone}, call me anytime.", "If I'm away from my desk, try me on {phone}.")

# Agendas: (section name, topic, weight). Telephony and internal calls have their own.
AGENDAS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "Discovery": (
        ("Meeting Setup", "Call Setup", 1),
        ("Introductions", "Small Talk", 1),
        ("Current Process", "Discovery", 4),
        ("Product Overview", "Product Demo", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Demo": (
        ("Meeting Setup", "Call Setup", 1),
        ("Recap", "Discovery", 1),
        ("Product Demo", "Product Demo", 5),
        ("Integrations", "Integration", 1),
        ("Questions", "Objections", 1),
        ("Next Steps", "Next Steps", 1),
    ),
    "Technical Deep Dive": (
        ("Meeting Setup", "Call Setup", 1),
        ("Architecture", "Integration", 3),
        ("Security Review", "Security", 3),
        ("Next Steps", "Next Steps", 1),
    ),
    "Pricing Review": (
        ("Meeting Setup", "Call Setup", 1),
        ("Proposal Walkthrough", "Pricing", 3),
        ("Concerns", "Objections", 2),
        ("Competitive Landscape", "Competition", 1),
        ("Next Steps", "Next Steps", 1),
    ),
    "Negotiation": (
        ("Meeting Setup", "Call Setup", 1),
        ("Commercial Terms", "Pricing", 3),
        ("Timeline", "Timeline", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Onboarding": (
        ("Kickoff", "Call Setup", 1),
        ("Project Plan", "Timeline", 3),
        ("Integration Plan", "Integration", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "QBR": (
        ("Meeting Setup", "Small Talk", 1),
        ("Results Review", "Product Demo", 3),
        ("Expansion", "Pricing", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Prospecting": (
        ("Introduction", "Call Setup", 1),
        ("Qualification", "Discovery", 3),
        ("Next Steps", "Next Steps", 1),
    ),
    "Follow-up": (
        ("Introduction", "Small Talk", 1),
        ("Open Questions", "Objections", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Voicemail": (("Voicemail", "Voicemail", 1),),
    "Pipeline Review": (("Forecast", "Pipeline", 3), ("Deal Reviews", "Pipeline", 3)),
    "Coaching": (("Call Review", "Coaching", 4), ("Goals", "Coaching", 1)),
    "Deal Strategy": (("Account Review", "Pipeline", 3), ("Plan", "Pipeline", 2)),
}

#: The keyword trackers of every workspace: (name, [(language, keywords, include related forms)], affiliation,
#: partOfQuestion, saidAt, saidAtInterval, saidAtUnit). The German list shows language matching: demo calls are
#: in English, so it never applies to them; ``mul`` applies to every language.
TRACKERS: tuple[
    tuple[str, tuple[tuple[str, tuple[str, ...], bool], ...], str, bool, str, int | None, str | None], ...
] = (
    ("Competitors", (("mul", COMPETITORS, False),), "Anyone", False, "Anytime", None, None),
    (
        "Pricing",
        (("eng", ("price", "discount", "budget", "quote"), True), ("deu", ("Preis", "Rabatt", "Angebot"), True)),
        "Anyone",
        False,
        "Anytime",
        None,
        None,
    ),
    ("Security", (("eng", ("SOC 2", "SSO", "GDPR", "encryption"), False),), "Anyone", False, "Anytime", None, None),
    (
        "Security questions",
        (("eng", ("SOC 2", "SSO", "GDPR", "encryption", "security"), False),),
        "NonCompany",
        True,
        "Anytime",
        None,
        None,
    ),
    (
        "Timeline",
        (("eng", ("this quarter", "deadline", "go-live", "peak season"), False),),
        "Anyone",
        False,
        "Anytime",
        None,
        None,
    ),
    (
        "Next steps",
        (("eng", ("send over", "recap", "loop in", "follow up", "proposal"), True),),
        "Company",
        False,
        "Last",
        25,
        "percent",
    ),
    (
        "Discovery",
        (("eng", ("walk me through", "how many", "what happens"), False),),
        "Company",
        True,
        "First",
        10,
        "minutes",
    ),
)
