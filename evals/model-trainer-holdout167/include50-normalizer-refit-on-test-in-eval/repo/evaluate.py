"""Score the saved checkpoint on the held-out INCLUDE-50 test signers."""
import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score

from model import TemporalCNN
from normalize import LandmarkNormalizer

te = np.load("keypoints/include50_test.npz")
norm = LandmarkNormalizer().fit(te["X"])
X_te = torch.from_numpy(norm.transform(te["X"]))
y_te = te["y"]

model = TemporalCNN(in_ch=X_te.shape[-1], n_classes=50)
model.load_state_dict(torch.load("tcn_include50.pt", map_location="cpu"))
model.eval()
with torch.no_grad():
    pred = model(X_te).argmax(1).numpy()

print(f"test accuracy: {accuracy_score(y_te, pred):.4f}")
print(f"test macro-F1: {f1_score(y_te, pred, average='macro'):.4f}")
