# orca-fixture: two lists for every run in one map, with unmapped not yet imported (3.x)
# prefect: 3.6.0
# rule: map-unmapped-list
# lines: 13 13
from __future__ import annotations

from prefect import flow


@flow
def enrich(user_ids: list[int]):
    cols = ("email", "plan")
    return lookup_user.map(user_ids, cols, regions={"eu", "us"}).result()
