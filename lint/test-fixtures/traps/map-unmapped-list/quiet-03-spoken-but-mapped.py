# orca-fixture: the asker names what is mapped first, zips on purpose without saying so, or names an unmapped one
# prefect: 3.4.20
# rule: map-unmapped-list
# lines: none
# spoken: why do my rows come out empty when i map over rows and dates? model is wrapped already
from prefect import flow, task, unmapped


@task
def score(row: dict, date: str, model: object) -> float:
    return 1.0


@flow
def batch_score(rows: list[dict], days: list[str], model: object, config: list[str]):
    score.map(rows, days, unmapped(model)).wait()
    score.map(rows).wait()
    return score.map(config, days, unmapped(model)).result()
