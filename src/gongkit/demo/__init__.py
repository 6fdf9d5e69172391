"""Demo data: a deterministic, realistic demo company, and the credentials to reach it.

The generator is split by domain: :mod:`~gongkit.demo.people`, :mod:`~gongkit.demo.crm`,
:mod:`~gongkit.demo.calls` (with :mod:`~gongkit.demo.parties`, :mod:`~gongkit.demo.transcripts`,
:mod:`~gongkit.demo.analysis` and :mod:`~gongkit.demo.collaboration`), :mod:`~gongkit.demo.mail`,
:mod:`~gongkit.demo.meetings` and :mod:`~gongkit.demo.engagement`, over a shared :mod:`~gongkit.demo.state` and
the batched :mod:`~gongkit.demo.writing`. :mod:`~gongkit.demo.company` is the entry point.
"""

from gongkit.demo.company import (
    MIN_CALLS,
    DemoAccess,
    DemoSize,
    DemoSummary,
    create_demo_company,
    demo_access,
    demo_company_id,
    demo_credentials,
    ensure_demo_company,
    generate,
)
from gongkit.demo.seeded import REFERENCE_MS
from gongkit.demo.state import Progress
from gongkit.demo.subjects import PRIVACY_SUBJECTS, PrivacySubject

__all__ = [
    "MIN_CALLS",
    "PRIVACY_SUBJECTS",
    "REFERENCE_MS",
    "DemoAccess",
    "DemoSize",
    "DemoSummary",
    "PrivacySubject",
    "Progress",
    "create_demo_company",
    "demo_access",
    "demo_company_id",
    "demo_credentials",
    "ensure_demo_company",
    "generate",
]
