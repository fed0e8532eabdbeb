# orca-fixture: .result() on a direct subflow call and a task call on the first 2.x release
# prefect: 2.0.0
# rule: unknown-attribute
# lines: 20 21
from prefect import flow, task


@task
def extract():
    return [1, 2]


@flow
def child(rows):
    return len(rows)


@flow
def parent():
    rows = extract().result()
    return child(rows).result()
