import pandas as pd
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import Dataset

AMINO = "ACDEFGHIKLMNPQRSTVWY"
AA_INDEX = {a: i + 1 for i, a in enumerate(AMINO)}  # 0 = padding / unknown
LOCATIONS = ["Cytoplasm", "Nucleus", "Extracellular", "Cell membrane", "Mitochondrion",
             "Plastid", "Endoplasmic reticulum", "Lysosome/Vacuole", "Golgi apparatus", "Peroxisome"]


def load_partitions(path: str):
    """DeepLoc-style CSV with a `partition` column assigned by 30%-identity clustering,
    so homologous proteins never straddle train/valid/test."""
    df = pd.read_csv(path)
    df["label"] = df["location"].map({loc: i for i, loc in enumerate(LOCATIONS)})
    return df[df.partition == "train"], df[df.partition == "valid"], df[df.partition == "test"]


def aa_composition(seqs):
    """20-dim amino-acid frequency vector per sequence (for the linear baseline)."""
    rows = []
    for s in seqs:
        counts = torch.zeros(len(AMINO))
        for ch in s:
            if ch in AA_INDEX:
                counts[AA_INDEX[ch] - 1] += 1
        rows.append(counts / max(len(s), 1))
    return torch.stack(rows).numpy()


class ProteinSeqs(Dataset):
    def __init__(self, frame, max_len=1000):
        # keep N- and C-terminal halves: sorting signals live at both ends
        half = max_len // 2
        self.seqs = [s if len(s) <= max_len else s[:half] + s[-half:] for s in frame["sequence"]]
        self.labels = frame["label"].tolist()

    def __len__(self):
        return len(self.seqs)

    def __getitem__(self, i):
        ids = torch.tensor([AA_INDEX.get(c, 0) for c in self.seqs[i]], dtype=torch.long)
        return ids, self.labels[i]


def collate(batch):
    ids, labels = zip(*batch)
    return pad_sequence(ids, batch_first=True), torch.tensor(labels)
