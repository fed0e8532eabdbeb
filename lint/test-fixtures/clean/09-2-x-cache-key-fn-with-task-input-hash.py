# orca-fixture: 2.x cache_key_fn with task_input_hash
# prefect: 2.20.25
from datetime import timedelta
from prefect import flow, task
from prefect.tasks import task_input_hash

@task(cache_key_fn=task_input_hash, cache_expiration=timedelta(hours=1))
def expensive(x: int) -> int:
    return x ** 2

@flow
def cached() -> int:
    return expensive(4)
