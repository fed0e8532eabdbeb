# orca-fixture: .result() and .wait() on direct task calls, inline and through a name (3.x)
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 15 17 18 18
from prefect import flow, task


@task
def add(x: int) -> int:
    return x + 1


@flow
def pipeline():
    a = add(1).result()
    b = add.with_options(retries=2)(a)
    b.wait()
    return b.result() + add(3).result(raise_on_failure=False)
