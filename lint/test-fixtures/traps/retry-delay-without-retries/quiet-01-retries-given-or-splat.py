# orca-fixture: retries given beside the delay, options from a dict, and a delay-free decorator
# prefect: 3.4.20
# rule: retry-delay-without-retries
# lines: none
from prefect import flow, task

OPTIONS = {"retries": 2, "retry_delay_seconds": 5}


@task(retries=3, retry_delay_seconds=[10, 60, 300])
def pull(day: str) -> str:
    return day


@task(**OPTIONS)
def push(day: str) -> str:
    return day


@flow(retries=1)
def nightly(day: str) -> str:
    return push(pull(day))
