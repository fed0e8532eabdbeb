# orca-fixture: a future list handed to a Prefect helper the release does not have (unknown-symbol's business)
# prefect: 3.4.20
# rule: record-used-as-value
# lines: none
from prefect import flow, task
from prefect.futures import wait_all


@task
def job(i: int) -> int:
    return i


@flow
def jobs() -> list[int]:
    futures = job.map(range(3))
    wait_all(futures)
    return futures.result()
