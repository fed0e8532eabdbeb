# orca-fixture: an elided parameter list (`def f(...)`) in an asker's shortened snippet
# prefect: 3.4.20
from prefect import flow, task


def only_429(task, task_run, state) -> bool:
    return False


@task(retries=5, retry_delay_seconds=30, retry_condition_fn=only_429)
def call_api(...): ...


@task
def load(client, ...):
    return None


@flow
def sync() -> None:
    call_api()
