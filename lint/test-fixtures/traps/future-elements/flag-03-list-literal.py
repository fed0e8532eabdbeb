# orca-fixture: a for loop over a list literal of futures
# prefect: 3.8.3
# rule: unknown-attribute
# lines: 23
from prefect import flow, task


@task
def extract():
    return 1


@task
def transform():
    return 2


@flow
def etl():
    pending = [extract.submit(), transform.submit()]
    for fut in pending:
        final = fut.wait()
        print(final.name)
