# orca-fixture: a for loop over what .map() returns
# prefect: 3.0.0
# rule: unknown-attribute
# lines: 16
from prefect import flow, task


@task
def square(x):
    return x * x


@flow
def squares(xs):
    for f in square.map(xs):
        if f.wait().is_completed():
            print(f.result())
