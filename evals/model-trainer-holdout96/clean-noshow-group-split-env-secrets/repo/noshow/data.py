import os

import pandas as pd
import snowflake.connector

NUMERIC = ["LEAD_TIME_DAYS", "AGE", "PRIOR_NO_SHOWS_12M", "PRIOR_VISITS_12M", "DISTANCE_KM", "SMS_REMINDERS_SENT"]
CATEGORICAL = ["CLINIC_ID", "SPECIALTY", "WEEKDAY", "TIME_SLOT", "INSURANCE_TYPE"]


def _connect():
    return snowflake.connector.connect(
        account=os.environ["SNOWFLAKE_ACCOUNT"],
        user=os.environ["SNOWFLAKE_USER"],
        password=os.environ["SNOWFLAKE_PASSWORD"],
        warehouse=os.getenv("SNOWFLAKE_WAREHOUSE", "ML_WH"),
        role=os.getenv("SNOWFLAKE_ROLE", "ML_READER"),
    )


def load_appointments(table: str) -> pd.DataFrame:
    cols = ", ".join(["APPOINTMENT_ID", "PATIENT_ID", "NO_SHOW"] + NUMERIC + CATEGORICAL)
    with _connect() as conn:
        df = pd.read_sql(f"SELECT {cols} FROM {table}", conn)
    df[CATEGORICAL] = df[CATEGORICAL].astype(str)
    return df
