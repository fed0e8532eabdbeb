# orca-fixture: a direct task call's .result() on the newest release
# prefect: 3.8.3
# rule: unknown-attribute
# lines: 16
from prefect import flow, task


@task
def load(path):
    return open(path).read()


@flow
def main(path: str):
    text = load(path)
    return text.result()
