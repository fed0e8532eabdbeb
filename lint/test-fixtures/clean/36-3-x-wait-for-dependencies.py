# orca-fixture: 3.x wait_for dependencies
# prefect: 3.4.20
from prefect import flow, task

@task
def setup() -> None:
    print("setup")

@task
def run_job() -> int:
    return 1

@flow
def ordered() -> int:
    ready = setup.submit()
    job = run_job.submit(wait_for=[ready])
    return job.result()
