from prefect import flow, task


@task
def load() -> int:
    return 1


@flow
def pipeline():
    res = load.submit().wait()
    print(res.result() + 1)
