# orca-fixture: a flow given one retry delay and no retries, and a task's options changed the same way (2.x)
# prefect: 2.19.3
# rule: retry-delay-without-retries
# lines: 13 15
from prefect import flow, task


@task
def load(rows: list) -> int:
    return len(rows)


@flow(retry_delay_seconds=120)
def nightly_load(rows: list) -> int:
    return load.with_options(retry_delay_seconds=30)(rows)
