# orca-fixture: a list bound to a name, mapped beside the real iterable, with the task defined (3.x)
# prefect: 3.4.20
# rule: map-unmapped-list
# lines: 16
from prefect import flow, task


@task
def clean_file(path: str, cols: list[str]) -> str:
    return path


@flow
def clean_all(files: list[str]):
    cols = ["id", "ts", "amount"]
    return clean_file.map(files, cols).result()
