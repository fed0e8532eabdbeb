# orca-fixture: 2.x runtime context
# prefect: 2.20.25
from prefect import flow, task
from prefect.runtime import flow_run, task_run

@task
def prepare() -> str:
    return task_run.name

@flow
def introspect():
    prepare()
    return flow_run.id
