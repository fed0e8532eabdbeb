from prefect import unmapped
from prefect import flow, task


@task
def clean_file(path: str, cols: list[str]) -> str:
    return path


@flow
def clean_all(files: list[str]):
    cols = ["id", "ts", "amount"]
    return clean_file.map(files, unmapped(cols)).result()
