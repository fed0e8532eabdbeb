# orca-fixture: a snippet that leaves its task out and maps a literal dict and list by keyword and position (2.x)
# prefect: 2.19.0
# rule: map-unmapped-list
# lines: 10 10
from prefect import flow, unmapped


@flow
def score_all(customer_ids):
    return score.map(customer_ids, {"eu": 0.2, "us": 0.5}, weights=[0.2, 0.5, 0.3])
