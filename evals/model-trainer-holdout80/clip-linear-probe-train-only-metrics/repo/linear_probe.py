"""Linear probe on frozen OpenCLIP features for the field-survey bird photos, compared with zero-shot CLIP."""
import argparse

import joblib
import numpy as np
import open_clip
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder

parser = argparse.ArgumentParser()
parser.add_argument("--data", default="/mnt/survey/birds_labelled")
parser.add_argument("--model", default="ViT-B-16")
parser.add_argument("--pretrained", default="laion2b_s34b_b88k")
parser.add_argument("--C", type=float, default=0.316)
parser.add_argument("--out", default="artifacts/bird_probe.joblib")
args = parser.parse_args()

torch.manual_seed(0)
np.random.seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

model, _, preprocess = open_clip.create_model_and_transforms(args.model, pretrained=args.pretrained, device=device)
tokenizer = open_clip.get_tokenizer(args.model)
model.eval()

dataset = ImageFolder(args.data, transform=preprocess)
classnames = [c.replace("_", " ") for c in dataset.classes]
loader = DataLoader(dataset, batch_size=256, shuffle=False, num_workers=8)
print(f"{len(dataset)} images, {len(classnames)} species")


@torch.no_grad()
def extract(loader):
    feats, labels = [], []
    for images, y in loader:
        f = model.encode_image(images.to(device))
        feats.append((f / f.norm(dim=-1, keepdim=True)).cpu().numpy())
        labels.append(y.numpy())
    return np.concatenate(feats), np.concatenate(labels)


@torch.no_grad()
def zero_shot_weights(classnames, templates=("a photo of a {}, a type of bird.", "a field photo of a {}.")):
    weights = []
    for name in classnames:
        tokens = tokenizer([t.format(name) for t in templates]).to(device)
        emb = model.encode_text(tokens)
        emb = emb / emb.norm(dim=-1, keepdim=True)
        emb = emb.mean(0)
        weights.append(emb / emb.norm())
    return torch.stack(weights, dim=1).cpu().numpy()


X, y = extract(loader)

zs_pred = (X @ zero_shot_weights(classnames)).argmax(1)
print(f"zero-shot CLIP: acc {accuracy_score(y, zs_pred):.4f} macro-F1 {f1_score(y, zs_pred, average='macro'):.4f}")

probe = LogisticRegression(C=args.C, max_iter=3000, multi_class="multinomial")
probe.fit(X, y)
pred = probe.predict(X)
print(f"linear probe:   acc {accuracy_score(y, pred):.4f} macro-F1 {f1_score(y, pred, average='macro'):.4f}")
print(classification_report(y, pred, target_names=classnames, digits=3))

joblib.dump({"probe": probe, "classes": dataset.classes, "model": args.model, "pretrained": args.pretrained}, args.out)
