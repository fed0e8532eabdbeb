from __future__ import annotations

from prefect import unmapped
from prefect import flow


@flow
def enrich(user_ids: list[int]):
    cols = ("email", "plan")
    return lookup_user.map(user_ids, unmapped(cols), regions=unmapped({"eu", "us"})).result()
