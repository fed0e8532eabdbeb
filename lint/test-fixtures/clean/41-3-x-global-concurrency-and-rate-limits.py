# orca-fixture: 3.x global concurrency and rate limits
# prefect: 3.4.20
from prefect import flow, task
from prefect.concurrency.sync import concurrency, rate_limit

@task
def call_api(i: int) -> int:
    rate_limit("api-calls")
    with concurrency("database", occupy=1, timeout_seconds=30):
        return i

@flow
def throttled():
    return [call_api(i) for i in range(3)]
