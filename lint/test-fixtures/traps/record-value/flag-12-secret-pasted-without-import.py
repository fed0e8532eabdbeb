# orca-fixture: a Secret block loaded into an f-string, pasted without its import (3.x)
# prefect: 3.5.0
# rule: record-used-as-value
# lines: 6
pw = Secret.load("warehouse-password")
engine = create_engine(f"postgresql://etl:{pw}@wh:5432/dw")
