"""Word banks for people, companies and calls: names, account names, industries, titles, CRM stages,
workspaces, conference and telephony systems."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Olivia Liam Emma Noah Ava Ethan Sophia Mason Isabella Lucas Mia Logan Amelia James Harper Aiden Evelyn Elijah "
    "Abigail Benjamin Emily Jacob Ella Michael Scarlett Daniel Grace Henry Chloe Jackson Victoria Sebastian Riley "
    "Jack Aria Owen Lily Samuel Zoey Matthew Nora Wyatt Hannah Leo Layla David Zara Carlos Mei Arjun Sofia Yusuf "
    "Ingrid Kenji Amara Mateo Freya Ravi Elena Tomasz"
)
LAST = _words(
    "Anderson Brooks Chen Diaz Edwards Fischer Garcia Hughes Ishikawa Jensen Kowalski Larsen Martinez Nakamura "
    "O'Brien Patel Quinn Rossi Schmidt Thompson Underwood Vasquez Walsh Xu Yamamoto Zimmerman Bennett Carter Dubois "
    "Evans Foster Gallagher Hoffmann Iyer Johansson Kim Lopez Murphy Novak Okafor Petrov Ramirez Sullivan Tanaka "
    "Varga Weber Young Alvarez Byrne Cohen Delgado Eriksen Farouk Greene Haddad Ivanova Jovanovic Keller Lindqvist "
    "Moreau"
)
ACCOUNT_NAMES = (
    "Tailspin Toys",
    "Wide World Importers",
    "Litware",
    "Adventure Works",
    "Proseware",
    "Woodgrove Bank",
    "Alpine Ski House",
    "Blue Yonder Airlines",
    "Coho Winery",
    "Fourth Coffee",
    "Humongous Insurance",
    "Lucerne Publishing",
    "Margie's Travel",
    "Trey Research",
    "VanArsdel",
    "Wingtip Toys",
    "Relecloud",
    "A. Datum",
    "Consolidated Messenger",
    "Southridge Video",
    "City Power & Light",
    "Lamna Healthcare",
    "Tailwind Traders",
    "Bellows College",
    "Nod Publishers",
    "Olympia Freight",
    "Munson's Pickles",
    "Best For You Organics",
    "First Up Consultants",
    "Graphic Design Institute",
)
NAME_PREFIX = _words(
    "Blue Iron Summit Harbor Granite Cedar Silver Pioneer Atlas Beacon Northgate Redwood Evergreen Crescent Keystone "
    "Riverside Lakeshore Highland Golden Oakridge Falcon Meridian Horizon Sterling Vista Coastal Prairie Union Liberty "
    "Frontier"
)
NAME_SUFFIX = (
    "Logistics",
    "Foods",
    "Distribution",
    "Manufacturing",
    "Retail",
    "Supply",
    "Freight",
    "Wholesale",
    "Brands",
    "Pharma",
    "Outfitters",
    "Markets",
    "Industries",
    "Grocers",
    "Parts",
)
INDUSTRIES = (
    "Logistics",
    "Retail",
    "Manufacturing",
    "Healthcare",
    "Food & Beverage",
    "Automotive",
    "E-commerce",
    "Pharmaceuticals",
    "Consumer Goods",
    "Aerospace",
)
COUNTRIES = (("US", 70), ("GB", 12), ("DE", 8), ("FR", 5), ("AU", 5))
COUNTRY_NAME = {"US": "United States", "GB": "United Kingdom", "DE": "Germany", "FR": "France", "AU": "Australia"}
TLD = {"US": ".com", "GB": ".co.uk", "DE": ".de", "FR": ".fr", "AU": ".com.au"}
CITY = {"US": "Chicago", "GB": "London", "DE": "Berlin", "FR": "Paris", "AU": "Sydney"}
CUSTOMER_TITLES = (
    "VP of Operations",
    "Warehouse Manager",
    "Director of Supply Chain",
    "IT Director",
    "Procurement Manager",
    "CFO",
    "Head of Logistics",
    "Operations Analyst",
    "Site Lead",
    "COO",
    "Distribution Center Manager",
    "Automation Engineer",
)
COMPETITORS = ("Roboflex", "Kinetica Automation", "Stackwise", "OrbitMotion", "Mechanica")
STAGES = (
    ("Prospecting", 10),
    ("Qualification", 20),
    ("Needs Analysis", 30),
    ("Value Proposition", 40),
    ("Id. Decision Makers", 50),
    ("Perception Analysis", 60),
    ("Proposal/Price Quote", 70),
    ("Negotiation/Review", 85),
    ("Closed Won", 100),
    ("Closed Lost", 0),
)
LEAD_STATUS = ("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")
LEAD_SOURCES = ("Web", "Webinar", "Trade Show", "Partner Referral", "Cold Call", "Advertisement")
OPP_TYPES = ("New Business", "Existing Business - Upgrade", "Existing Business - Renewal")
WORKSPACE_NAMES = (
    ("Sales", "New business: account executives and SDRs"),
    ("Customer Success", "Onboarding, adoption and renewals"),
    ("Partnerships", "Channel and integration partners"),
    ("EMEA Sales", "Sales in Europe, the Middle East and Africa"),
    ("APAC Sales", "Sales in Asia-Pacific"),
)


CONFERENCE_PURPOSES = ("Discovery", "Demo", "Technical Deep Dive", "Pricing Review", "Negotiation")
CS_PURPOSES = ("Onboarding", "QBR")
CONFERENCE_SYSTEMS = (
    ("Zoom", "zoom", 45),
    ("Google Meet", "google-meet", 20),
    ("Microsoft Teams", "ms-teams", 25),
    ("Webex", "webex", 10),
)
TELEPHONY_SYSTEMS = (
    ("Outreach", "outreach"),
    ("Salesloft", "salesloft"),
    ("RingCentral", "ringcentral"),
    ("Aircall", "aircall"),
)
DISPOSITIONS = ("Connected", "Got the gatekeeper", "No answer", "Meeting booked", "Not interested")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
