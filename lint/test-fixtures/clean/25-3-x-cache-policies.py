# orca-fixture: 3.x cache policies
# prefect: 3.4.20
from datetime import timedelta
from prefect import flow, task
from prefect.cache_policies import INPUTS, TASK_SOURCE

@task(cache_policy=INPUTS + TASK_SOURCE, cache_expiration=timedelta(days=1))
def expensive(x: int) -> int:
    return x ** 3

@flow
def cached() -> int:
    return expensive(3)
