from prefect import flow, task


@task
def add(x: int) -> int:
    return x + 1


@flow
def pipeline():
    a = add(1)
    b = add.with_options(retries=2)(a)
    b.wait()
    return b + add(3).result(raise_on_failure=False)
