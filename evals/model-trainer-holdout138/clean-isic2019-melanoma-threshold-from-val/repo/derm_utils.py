"""Helpers shared by the training script and the analysis notebooks (ISIC 2019, melanoma vs rest)."""
import random

import numpy as np
import pandas as pd
import timm
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

IMG_DIR = "data/isic2019/ISIC_2019_Training_Input"
SPLIT_CSV = "splits/isic2019_lesion_split.csv"   # written by make_splits.py (StratifiedGroupKFold on lesion_id)


def seed_everything(seed=0):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_split(name):
    df = pd.read_csv(SPLIT_CSV)
    return df[df["split"] == name].reset_index(drop=True)


class MelDataset(Dataset):
    tf = T.Compose([T.Resize((384, 384)), T.ToTensor(), T.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))])

    def __init__(self, df):
        self.df = df

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        r = self.df.iloc[i]
        return self.tf(Image.open(f"{IMG_DIR}/{r.image}.jpg").convert("RGB")), int(r.MEL)


def build_model(ckpt, device="cuda"):
    m = timm.create_model("convnext_small.fb_in22k_ft_in1k", pretrained=False, num_classes=1, drop_path_rate=0.2)
    m.load_state_dict(torch.load(ckpt, map_location=device))
    return m.to(device)


@torch.inference_mode()
def predict_proba(model, df, device="cuda", bs=64):
    model.eval()
    dl = DataLoader(MelDataset(df), batch_size=bs, num_workers=8)
    out = [torch.sigmoid(model(x.to(device)).float().squeeze(1)).cpu() for x, _ in dl]
    return torch.cat(out).numpy()
