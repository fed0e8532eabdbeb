from prefect import flow
from prefect.variables import Variable


@flow
def sizer():
    if int(Variable.get("batch_limit").value) > 10:
        print("big batch")
