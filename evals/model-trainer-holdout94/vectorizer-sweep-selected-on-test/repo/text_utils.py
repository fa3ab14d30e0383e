"""Helpers for loading and cleaning helpdesk tickets."""
import re

import pandas as pd

QUOTED_REPLY = re.compile(r"^\s*>.*$", re.MULTILINE)
ON_WROTE = re.compile(r"On .{5,80} wrote:.*", re.DOTALL)
SIGNATURE = re.compile(r"\n--\s*\n.*", re.DOTALL)
TICKET_REF = re.compile(r"\b(?:INC|REQ|TCK)-?\d{4,}\b", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
WS = re.compile(r"\s+")


def clean_ticket(body) -> str:
    if not isinstance(body, str):
        return ""
    body = ON_WROTE.sub(" ", body)
    body = QUOTED_REPLY.sub(" ", body)
    body = SIGNATURE.sub(" ", body)
    body = TICKET_REF.sub(" ticketref ", body)
    body = EMAIL.sub(" emailaddr ", body)
    return WS.sub(" ", body).strip().lower()


def load_tickets(path: str, min_chars: int = 20) -> pd.DataFrame:
    df = pd.read_json(path, lines=True)
    df = df[df["queue"].notna() & (df["queue"] != "unassigned")]
    df = df[df["body"].fillna("").str.len() >= min_chars]
    counts = df["queue"].value_counts()
    keep = counts[counts >= 30].index
    return df[df["queue"].isin(keep)].reset_index(drop=True)
