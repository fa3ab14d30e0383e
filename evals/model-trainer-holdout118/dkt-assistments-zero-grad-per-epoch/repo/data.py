import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_sequences(path, min_interactions, max_seq_len):
    df = pd.read_csv(path, encoding="latin-1", low_memory=False)
    df = df.dropna(subset=["skill_id"])
    df = df[df["original"] == 1]  # drop scaffolding sub-questions
    df = df.sort_values(["user_id", "order_id"])
    skill_ids = {s: i for i, s in enumerate(sorted(df["skill_id"].unique()))}
    df["skill"] = df["skill_id"].map(skill_ids)

    by_user = {}
    for user, g in df.groupby("user_id"):
        if len(g) < min_interactions:
            continue
        skills = g["skill"].to_numpy()
        correct = g["correct"].to_numpy().astype(np.int64)
        # split long histories into windows of max_seq_len
        windows = []
        for start in range(0, len(skills), max_seq_len):
            s, c = skills[start:start + max_seq_len], correct[start:start + max_seq_len]
            if len(s) >= 2:
                windows.append((s, c))
        by_user[user] = windows
    return by_user, len(skill_ids)


class DKTDataset(Dataset):
    def __init__(self, seqs, n_skills, max_len):
        self.seqs = seqs
        self.n_skills = n_skills
        self.max_len = max_len

    def __len__(self):
        return len(self.seqs)

    def __getitem__(self, i):
        skills, correct = self.seqs[i]
        L = len(skills) - 1
        x = np.zeros(self.max_len, dtype=np.int64)
        q = np.zeros(self.max_len, dtype=np.int64)
        y = np.zeros(self.max_len, dtype=np.float32)
        m = np.zeros(self.max_len, dtype=np.float32)
        # interaction id: skill + n_skills * correct, shifted by 1 so 0 is padding
        x[:L] = skills[:-1] + self.n_skills * correct[:-1] + 1
        q[:L] = skills[1:]
        y[:L] = correct[1:]
        m[:L] = 1.0
        return torch.from_numpy(x), torch.from_numpy(q), torch.from_numpy(y), torch.from_numpy(m)
