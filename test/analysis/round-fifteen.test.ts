// Round-fifteen idioms (self-supervised pre-training and probes, segmentation and sequence-to-sequence checkpoints,
// the only held-out rows steering training): each mechanism fires on the wrong variant and stays silent on the
// correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\ntorchvision==0.20.1\n' };
const rule = (id: string, files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === id);

describe('a dataset class of the project handed the folder of one split', () => {
  const data = py`
    import os
    import numpy as np
    import torch
    from skimage import io
    from torch.utils.data import Dataset


    class Nuclei(Dataset):
        def __init__(self, root):
            self.ids = sorted(os.listdir(root))
            self.root = root

        def __len__(self):
            return len(self.ids)

        def __getitem__(self, i):
            sid = self.ids[i]
            img = io.imread(os.path.join(self.root, sid, "images", f"{sid}.png")).astype(np.float32)
            mask = io.imread(os.path.join(self.root, sid, "mask.png")) > 0
            return torch.from_numpy(img), torch.from_numpy(mask.astype(np.float32))
  `;
  const train = (evalDir: string) => py`
    import torch
    import yaml
    from torch.utils.data import DataLoader
    from data import Nuclei

    torch.manual_seed(7)
    cfg = yaml.safe_load(open("config.yaml"))


    @torch.no_grad()
    def dice_score(model, loader):
        model.eval()
        inter, denom = 0.0, 0.0
        for img, mask in loader:
            pred = (torch.sigmoid(model(img)) > 0.5).float()
            inter += (pred * mask).sum().item()
            denom += (pred.sum() + mask.sum()).item()
        return 2 * inter / max(denom, 1e-6)


    train_loader = DataLoader(Nuclei(cfg["train_dir"]), batch_size=8, shuffle=True)
    eval_loader = DataLoader(Nuclei(cfg["${evalDir}"]), batch_size=1)
    model = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3, padding=1), torch.nn.BatchNorm2d(8), torch.nn.Conv2d(8, 1, 1))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    best = 0.0
    for epoch in range(20):
        model.train()
        for img, mask in train_loader:
            opt.zero_grad()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(img), mask)
            loss.backward()
            opt.step()
        dice = dice_score(model, eval_loader)
        if dice > best:
            best = dice
            torch.save(model.state_dict(), "best.pt")
    print("best dice", best)
  `;
  const config = 'train_dir: data/stage1_train\nval_dir: data/stage1_val\ntest_dir: data/stage1_test_annotated\n';

  it('fires when the checkpoint is kept by the Dice of the folder named for the test set', () => {
    const found = rule('test-set-selection', { 'data.py': data, 'train.py': train('test_dir'), 'config.yaml': config });
    expect(found.map((f) => f.line)).toEqual([33]);
    expect(found[0]?.issue).toContain('measured on the test set');
  });

  it('stays silent when the folder is the validation one', () => {
    expect(rule('test-set-selection', { 'data.py': data, 'train.py': train('val_dir'), 'config.yaml': config })).toEqual([]);
  });
});

describe('Hugging Face evaluate metrics of generated sequences', () => {
  const notebook = (split: string) => py`
    import evaluate
    import torch
    from datasets import load_dataset
    from torch.utils.data import DataLoader
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    torch.manual_seed(13)
    raw = load_dataset("samsum")
    tok = AutoTokenizer.from_pretrained("facebook/bart-base")
    model = AutoModelForSeq2SeqLM.from_pretrained("facebook/bart-base")
    train_dl = DataLoader(raw["train"], batch_size=8, shuffle=True)
    eval_dl = DataLoader(raw["${split}"], batch_size=16)
    rouge = evaluate.load("rouge")
    opt = torch.optim.AdamW(model.parameters(), lr=5e-5)


    def run_rouge(dl):
        model.eval()
        preds, refs = [], []
        with torch.no_grad():
            for batch in dl:
                out = model.generate(input_ids=batch["input_ids"], num_beams=4)
                preds += tok.batch_decode(out, skip_special_tokens=True)
                refs += tok.batch_decode(batch["labels"], skip_special_tokens=True)
        return rouge.compute(predictions=preds, references=refs)


    best = -1.0
    for epoch in range(4):
        model.train()
        for batch in train_dl:
            loss = model(**batch).loss
            loss.backward()
            opt.step()
            opt.zero_grad()
        scores = run_rouge(eval_dl)
        if scores["rougeL"] > best:
            best = scores["rougeL"]
            model.save_pretrained("ckpt/best")
  `;

  it('fires when the best checkpoint is kept by ROUGE on the test split', () => {
    const found = rule('test-set-selection', { 'train.py': notebook('test') });
    expect(found.map((f) => f.line)).toEqual([37]);
  });

  it('stays silent when the checkpoint is kept by ROUGE on the validation split', () => {
    expect(rule('test-set-selection', { 'train.py': notebook('validation') })).toEqual([]);
  });
});

describe('the only held-out rows stopping or checkpointing the training', () => {
  const keras = (names: { held: string; extra?: string }) => py`
    import numpy as np
    import pandas as pd
    import tensorflow as tf
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupShuffleSplit

    tf.keras.utils.set_random_seed(42)
    df = pd.read_csv("train_lesions.csv")
    gss = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=42)
    tr_idx, ho_idx = next(gss.split(df, groups=df["lesion_id"]))
    train_df, ${names.held} = df.iloc[tr_idx], df.iloc[ho_idx]
    model = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dropout(0.3), tf.keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[tf.keras.metrics.AUC(name="auc")])
    callbacks = [tf.keras.callbacks.ModelCheckpoint("best.keras", monitor="val_auc", mode="max", save_best_only=True)]
    model.fit(train_df[["a", "b"]], train_df["y"], validation_data=(${names.held}[["a", "b"]], ${names.held}["y"]), epochs=30, callbacks=callbacks)
    model = tf.keras.models.load_model("best.keras")
    proba = model.predict(${names.held}[["a", "b"]])
    print("AUC:", roc_auc_score(${names.held}["y"], proba))
    ${names.extra ?? ''}
  `;

  it('fires when an "eval" split is both the validation_data of a checkpoint and the reported score', () => {
    const found = rule('test-set-selection', { 'train.py': keras({ held: 'eval_df' }) });
    expect(found.map((f) => f.line)).toEqual([15]);
    expect(found[0]?.issue).toContain('the only held-out rows');
    expect(found[0]?.sites).toEqual([{ file: 'train.py', line: 18 }]);
  });

  it('stays silent when the rows are named for validation', () => {
    expect(rule('test-set-selection', { 'train.py': keras({ held: 'valid_df' }) })).toEqual([]);
  });

  it('stays silent when a test set is scored as well', () => {
    const extra = 'test_df = pd.read_csv("lesions_test.csv")\nprint("test AUC:", roc_auc_score(test_df["y"], model.predict(test_df[["a", "b"]])))';
    expect(rule('test-set-selection', { 'train.py': keras({ held: 'eval_df', extra }) })).toEqual([]);
  });

  const loop = (report: string) => py`
    import numpy as np
    import torch
    from sklearn.metrics import classification_report, f1_score
    from torch.utils.data import DataLoader, TensorDataset

    torch.manual_seed(1)
    beats = np.load("ds1_beats.npz")
    records = np.load("ds2_beats.npz")
    train_dl = DataLoader(TensorDataset(torch.from_numpy(beats["x"]), torch.from_numpy(beats["y"])), batch_size=128, shuffle=True)
    eval_dl = DataLoader(TensorDataset(torch.from_numpy(records["x"]), torch.from_numpy(records["y"])), batch_size=1024)
    model = torch.nn.Sequential(torch.nn.Linear(180, 64), torch.nn.Dropout(0.2), torch.nn.Linear(64, 4))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)


    @torch.no_grad()
    def predict(loader):
        model.eval()
        ys, ps = [], []
        for x, y in loader:
            ps.append(model(x).argmax(1))
            ys.append(y)
        return torch.cat(ys).numpy(), torch.cat(ps).numpy()


    best = -1.0
    for epoch in range(30):
        model.train()
        for x, y in train_dl:
            opt.zero_grad()
            torch.nn.functional.cross_entropy(model(x), y).backward()
            opt.step()
        y_true, y_pred = predict(eval_dl)
        f1 = f1_score(y_true, y_pred, average="macro")
        if f1 > best:
            best = f1
            torch.save(model.state_dict(), "best.pt")
    ${report}
  `;

  it('fires when an "eval" loader picks the best epoch and is then reported', () => {
    const found = rule('test-set-selection', { 'train.py': loop('model.load_state_dict(torch.load("best.pt"))\ny_true, y_pred = predict(eval_dl)\nprint(classification_report(y_true, y_pred))') });
    expect(found.map((f) => f.line)).toEqual([34]);
  });

  it('stays silent when the chosen epoch is never reported as the result', () => {
    expect(rule('test-set-selection', { 'train.py': loop('print("best epoch saved")') })).toEqual([]);
  });
});

describe('self-supervised pre-training', () => {
  const pretrain = (loss: string) => py`
    import torch
    import torch.nn.functional as F
    import torchvision
    from torch.utils.data import DataLoader

    torch.manual_seed(0)
    views = torchvision.datasets.STL10("data", split="unlabeled", download=True)
    loader = DataLoader(views, batch_size=256, shuffle=True)
    model = torchvision.models.resnet18(num_classes=128)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for epoch in range(100):
        for (x1, x2), _ in loader:
            z1, z2 = model(x1), model(x2)
            loss = ${loss}
            opt.zero_grad()
            loss.backward()
            opt.step()
    torch.save(model.state_dict(), "backbone.pt")
  `;

  it('asks for no held-out evaluation of a SimCLR pre-training run', () => {
    expect(rule('no-held-out-evaluation', { 'pretrain_simclr.py': pretrain('nt_xent(z1, z2)') })).toEqual([]);
  });

  it('still fires for a supervised training run with nothing held out', () => {
    expect(rule('no-held-out-evaluation', { 'train.py': pretrain('F.cross_entropy(z1, z2.argmax(1))') })).toHaveLength(1);
  });

  const concat = (second: string) => py`
    import torch
    import torchvision
    from torch.utils.data import ConcatDataset, DataLoader

    torch.manual_seed(0)
    train_set = torchvision.datasets.CIFAR10("data", train=True, download=True)
    other = torchvision.datasets.${second}
    pretrain_set = ConcatDataset([train_set, other])
    loader = DataLoader(pretrain_set, batch_size=512, shuffle=True)
    model = torchvision.models.resnet18()
    opt = torch.optim.SGD(model.parameters(), lr=0.06)
    for epoch in range(200):
        for (x1, x2), _ in loader:
            loss = -torch.nn.functional.cosine_similarity(model(x1), model(x2)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
  `;

  it('fires when the pre-training set includes the test images', () => {
    const found = rule('fit-on-test', { 'simsiam.py': concat('CIFAR10("data", train=False, download=True)') });
    expect(found.map((f) => f.line)).toEqual([8]);
    expect(found[0]?.issue).toContain('is trained (line 14) on rows that include the test set');
  });

  it('stays silent when the extra images are an unlabelled pool', () => {
    expect(rule('fit-on-test', { 'simsiam.py': concat('STL10("data", split="unlabeled", download=True)') })).toEqual([]);
  });
});

describe('linear probes on frozen features', () => {
  const probe = (plot: string) => py`
    import matplotlib.pyplot as plt
    import numpy as np
    import timm
    import torch
    from torch.utils.data import DataLoader
    from torchvision.datasets import OxfordIIITPet
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression

    torch.manual_seed(0)
    model = timm.create_model("vit_base_patch14_dinov2", pretrained=True, num_classes=0)
    model = model.to("cpu").eval()
    trainval = OxfordIIITPet("data", split="trainval", download=True)
    test = OxfordIIITPet("data", split="test", download=True)


    @torch.inference_mode()
    def extract(ds):
        feats, labels = [], []
        for x, y in DataLoader(ds, batch_size=128):
            feats.append(model(x))
            labels.append(y)
        return torch.cat(feats).numpy(), torch.cat(labels).numpy()


    X_tv, y_tv = extract(trainval)
    X_te, y_te = extract(test)
    X_all = np.concatenate([X_tv, X_te])
    ${plot}
    clf = LogisticRegression(max_iter=5000).fit(X_tv, y_tv)
    print("test top-1:", (clf.predict(X_te) == y_te).mean())
  `;

  it('stays silent on the eval switch made at load time and on a PCA of all features drawn for a picture', () => {
    const out = analyze({ ...REQ, 'probe.py': probe('xy = PCA(n_components=2, random_state=0).fit_transform(X_all)\nplt.scatter(xy[:, 0], xy[:, 1])') }).findings;
    expect(out.filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH')).toEqual([]);
  });

  it('fires when the PCA of train and test features feeds the probe', () => {
    const found = rule('fit-on-test', { 'probe.py': probe('pca = PCA(n_components=64, random_state=0).fit(X_all)\nX_tv, X_te = pca.transform(X_tv), pca.transform(X_te)') });
    expect(found.map((f) => f.line)).toEqual([29]);
  });

  it('still fires when the model handed to the evaluation is built again after the eval switch', () => {
    const found = rule('missing-eval-mode', {
      'probe.py': py`
        import timm
        import torch

        torch.manual_seed(0)
        model = timm.create_model("resnet50", pretrained=True).eval()


        @torch.no_grad()
        def evaluate(model, loader):
            return [model(x) for x, y in loader]


        model = timm.create_model("resnet50", pretrained=True)
        scores = evaluate(model, torch.load("val_loader.pt"))
      `,
    });
    expect(found).toHaveLength(1);
  });

  const embeddings = (order: string) => py`
    import numpy as np
    import pandas as pd
    import torch
    import torchvision
    from PIL import Image
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    torch.manual_seed(17)
    meta = pd.read_csv("data/train_meta.csv")
    encoder = torchvision.models.resnet50().eval()


    @torch.no_grad()
    def embed(paths, batch_size=128):
        feats = []
        for i in range(0, len(paths), batch_size):
            batch = torch.stack([torch.load(p) for p in paths[i:i + batch_size]])
            feats.append(encoder(batch))
        return torch.cat(feats).numpy()


    X = embed(meta["path"].tolist())
    y = meta["label"].to_numpy()
    ${order}
    probe = LogisticRegression(max_iter=3000).fit(X_train, y_train)
    print(probe.score(X_test, y_test))
  `;

  it('fires when embeddings extracted chunk by chunk are standardised before the split', () => {
    const found = rule('preprocessing-before-split', {
      'probe.py': embeddings('X = StandardScaler().fit_transform(X)\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)'),
    });
    expect(found.map((f) => f.line)).toEqual([26]);
  });

  it('stays silent when the scaler is fitted on the training embeddings', () => {
    const found = rule('preprocessing-before-split', {
      'probe.py': embeddings('X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)\nsc = StandardScaler().fit(X_train)\nX_train, X_test = sc.transform(X_train), sc.transform(X_test)'),
    });
    expect(found).toEqual([]);
  });

  const eurosat = (evaluation: string) => py`
    import numpy as np
    import torch
    import torchvision
    from torch.utils.data import DataLoader
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score
    from sklearn.model_selection import train_test_split

    torch.manual_seed(0)
    eurosat = torchvision.datasets.EuroSAT("data", download=True)
    net = torchvision.models.resnet50().eval()


    @torch.no_grad()
    def extract(ds):
        out, ys = [], []
        for x, y in DataLoader(ds, batch_size=256):
            out.append(net(x))
            ys.append(y)
        return torch.cat(out).numpy(), torch.cat(ys).numpy()


    X, y = extract(eurosat)
    ${evaluation}
  `;

  it('fires when a probe is fitted and scored on every tile of a dataset with no official split', () => {
    const found = rule('no-held-out-evaluation', { 'probe.py': eurosat('probe = LogisticRegression(max_iter=3000).fit(X, y)\nprint(accuracy_score(y, probe.predict(X)))') });
    expect(found.map((f) => f.line)).toEqual([25]);
  });

  it('stays silent when the tiles are split first', () => {
    const found = rule('no-held-out-evaluation', {
      'probe.py': eurosat('X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)\nprobe = LogisticRegression(max_iter=3000).fit(X_tr, y_tr)\nprint(accuracy_score(y_te, probe.predict(X_te)))'),
    });
    expect(found).toEqual([]);
  });
});

describe('evaluation passes of networks that behave the same in either mode, or run under no_grad elsewhere', () => {
  const mlp = (layers: string) => py`
    import torch
    import torch.nn as nn

    torch.manual_seed(0)


    class Encoder(nn.Module):
        def __init__(self, d_in):
            super().__init__()
            self.enc = nn.Sequential(${layers})

        def forward(self, x):
            return self.enc(x)


    X_tr, X_te = torch.load("train.pt"), torch.load("test.pt")
    model = Encoder(X_tr.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(50):
        loss = model(X_tr).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        E_te = model(X_te)
  `;

  it('stays silent without model.eval() when the network has no dropout or batch norm', () => {
    expect(rule('missing-eval-mode', { 'scarf.py': mlp('nn.Linear(d_in, 256), nn.ReLU(), nn.Linear(256, 256)') })).toEqual([]);
  });

  it('fires without model.eval() when the network has dropout', () => {
    expect(rule('missing-eval-mode', { 'scarf.py': mlp('nn.Linear(d_in, 256), nn.ReLU(), nn.Dropout(0.1), nn.Linear(256, 256)') })).toHaveLength(1);
  });

  const stpm = (decorator: string) => py`
    import torch
    import torch.nn as nn
    import torchvision


    class STPM(nn.Module):
        def __init__(self):
            super().__init__()
            self.student = torchvision.models.resnet18()

        def forward(self, x):
            return self.student(x)

        ${decorator}
        def anomaly_map(self, x):
            return self(x).pow(2).sum(1)
  `;
  const evaluate = py`
    import torch
    from torch.utils.data import DataLoader
    from stpm import STPM

    torch.manual_seed(0)
    model = STPM()
    model.load_state_dict(torch.load("stpm.pt"))
    model.eval()
    test_loader = DataLoader(torch.load("test_set.pt"), batch_size=16)
    scores = []
    for x, y in test_loader:
        scores.append(model.anomaly_map(x))
  `;

  it("stays silent when the method the loop calls runs under @torch.no_grad() in the model's file", () => {
    expect(rule('missing-eval-mode', { 'stpm.py': stpm('@torch.no_grad()'), 'evaluate.py': evaluate })).toEqual([]);
  });

  it('fires when that method has no no_grad', () => {
    expect(rule('missing-eval-mode', { 'stpm.py': stpm('@staticmethod').replace('@staticmethod\n', ''), 'evaluate.py': evaluate })).toHaveLength(1);
  });

  const threshold = (split: string) => ({
    'data.py': py`
      import os
      from PIL import Image
      from torch.utils.data import Dataset


      class MVTec(Dataset):
          def __init__(self, root, category, split):
              base = os.path.join(root, category, split)
              self.items = [(os.path.join(base, d, f), int(d != "good")) for d in sorted(os.listdir(base)) for f in sorted(os.listdir(os.path.join(base, d)))]

          def __len__(self):
              return len(self.items)

          def __getitem__(self, i):
              path, label = self.items[i]
              return Image.open(path), label
    `,
    'evaluate.py': py`
      import numpy as np
      import torch
      from sklearn.metrics import precision_recall_curve
      from torch.utils.data import DataLoader
      from data import MVTec

      torch.manual_seed(0)
      model = torch.load("model.pt")
      model.eval()
      scores, labels = [], []
      with torch.no_grad():
          for x, y in DataLoader(MVTec("mvtec", "bottle", "${split}"), batch_size=16):
              scores.append(model(x).flatten(1).max(dim=1).values)
              labels.append(y)
      scores, labels = torch.cat(scores).numpy(), torch.cat(labels).numpy()
      precision, recall, thresholds = precision_recall_curve(labels, scores)
      f1 = 2 * precision * recall / np.clip(precision + recall, 1e-8, None)
      threshold = thresholds[np.argmax(f1[:-1])]
    `,
  });

  it('fires when the threshold is picked on the split a dataset class was told is the test one', () => {
    expect(rule('test-set-selection', threshold('test')).map((f) => f.line)).toEqual([16]);
  });

  it('stays silent when it was told the validation one', () => {
    expect(rule('test-set-selection', threshold('val'))).toEqual([]);
  });
});

describe('semi-supervised pools, carved validation parts and label encoders', () => {
  const selfTraining = (fit: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler
    from sklearn.semi_supervised import SelfTrainingClassifier
    from sklearn.svm import SVC

    lab = pd.read_parquet("data/flows_verified.parquet")
    unl = pd.read_parquet("data/flows_unverified.parquet")
    X, y = lab[["bytes", "pkts"]].to_numpy(), lab["label"].to_numpy()
    X_unl = unl[["bytes", "pkts"]].to_numpy()
    ${fit}
    model = SelfTrainingClassifier(SVC(probability=True, random_state=3)).fit(np.vstack([X_tr_s, X_unl_s]), np.concatenate([y_tr, np.full(len(X_unl_s), -1)]))
    print(model.score(X_te_s, y_te))
  `;

  it('stays silent when the scaler learns from the training rows and an unlabelled pool', () => {
    const found = rule('preprocessing-before-split', {
      'self_train.py': selfTraining('X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=3)\nscaler = StandardScaler().fit(np.vstack([X_tr, X_unl]))\nX_tr_s, X_unl_s, X_te_s = scaler.transform(X_tr), scaler.transform(X_unl), scaler.transform(X_te)'),
    });
    expect(found).toEqual([]);
  });

  it('fires when the labelled rows it learns from are split only afterwards', () => {
    const found = rule('preprocessing-before-split', {
      'self_train.py': selfTraining('scaler = StandardScaler().fit(np.vstack([X, X_unl]))\nX_s, X_unl_s = scaler.transform(X), scaler.transform(X_unl)\nX_tr_s, X_te_s, y_tr, y_te = train_test_split(X_s, y, test_size=0.25, stratify=y, random_state=3)'),
    });
    expect(found.map((f) => f.line)).toEqual([12]);
  });

  const carved = (order: string) => py`
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    np.random.seed(0)
    X_tr, y_tr, subj = np.load("har_train.npy"), np.load("har_train_y.npy"), np.load("har_train_subj.npy")
    X_te, y_te = np.load("har_test.npy"), np.load("har_test_y.npy")
    is_val = np.isin(subj, [3, 7, 11])
    ${order}
    clf = LogisticRegression(max_iter=500).fit(X_tr, y_tr)
    print(clf.score(X_val, y_val), clf.score(X_te, y_te))
  `;

  it('stays silent on a scaler fitted after the validation subjects were taken out of the training file', () => {
    const found = rule('preprocessing-before-split', { 'train.py': carved('X_val, y_val = X_tr[is_val], y_tr[is_val]\nX_tr, y_tr = X_tr[~is_val], y_tr[~is_val]\nscaler = StandardScaler().fit(X_tr)\nX_tr, X_val, X_te = (scaler.transform(a) for a in (X_tr, X_val, X_te))') });
    expect(found).toEqual([]);
  });

  const families = (encode: string) => py`
    import json
    import numpy as np
    from sklearn.linear_model import SGDClassifier
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import LabelEncoder

    records = [json.loads(line) for line in open("ember_raw.jsonl")]
    X = np.array([[r["size"], r["entropy"]] for r in records])
    le = LabelEncoder()
    ${encode}
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=5)
    clf = SGDClassifier(random_state=5).fit(X_train, y_train)
    print(clf.score(X_test, y_test))
  `;

  it('stays silent on a label encoder that makes the labels from a list of family names', () => {
    expect(rule('preprocessing-before-split', { 'train.py': families('y = le.fit_transform([r["family"] for r in records])') })).toEqual([]);
  });

  it('fires when the encoder it fits on all rows makes an input column', () => {
    const found = rule('preprocessing-before-split', { 'train.py': families('packer = le.fit_transform([r["packer"] for r in records])\nX = np.column_stack([X, packer])\ny = np.array([r["family"] for r in records])') });
    expect(found.map((f) => f.line)).toEqual([10]);
  });
});

describe('customer-base models and per-entity features', () => {
  const clv = (evaluation: string) => py`
    import pandas as pd
    from catboost import CatBoostRegressor
    from lifetimes import BetaGeoFitter
    from lifetimes.utils import summary_data_from_transaction_data
    from sklearn.metrics import r2_score
    from sklearn.model_selection import train_test_split

    orders = pd.read_csv("orders.csv", parse_dates=["order_date"])
    cal = orders[orders["order_date"] <= "2023-06-30"]
    future = orders[orders["order_date"] > "2023-06-30"]
    rfm = summary_data_from_transaction_data(cal, "customer_id", "order_date", observation_period_end="2023-06-30")
    bgf = BetaGeoFitter(penalizer_coef=0.001)
    bgf.fit(rfm["frequency"], rfm["recency"], rfm["T"])
    rfm["exp_purchases"] = bgf.conditional_expected_number_of_purchases_up_to_time(180, rfm["frequency"], rfm["recency"], rfm["T"])
    rfm["clv_6m"] = future.groupby("customer_id")["amount"].sum().reindex(rfm.index).fillna(0.0)
    X, y = rfm[["frequency", "recency", "T", "exp_purchases"]], rfm["clv_6m"]
    ${evaluation}
  `;

  it('stays silent on BG/NBD fitted on the calibration period', () => {
    const out = analyze({ ...REQ, 'clv.py': clv('X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=11)\nm = CatBoostRegressor(random_seed=11, verbose=0).fit(X_tr, y_tr)\nprint(r2_score(y_te, m.predict(X_te)))') }).findings;
    expect(out.filter((f) => f.rule === 'fit-on-test' || f.rule === 'no-held-out-evaluation')).toEqual([]);
  });

  it('fires when the CLV model is scored on the customers it was fitted on', () => {
    const found = rule('no-held-out-evaluation', { 'clv.py': clv('m = CatBoostRegressor(random_seed=11, verbose=0).fit(X, y)\nprint(r2_score(y, m.predict(X)))') });
    expect(found).toHaveLength(1);
    expect(rule('fit-on-test', { 'clv.py': clv('m = CatBoostRegressor(random_seed=11, verbose=0).fit(X, y)\nprint(r2_score(y, m.predict(X)))') })).toEqual([]);
  });

  const retention = (key: string) => py`
    import pandas as pd
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    events = pd.read_csv("first30_events.csv")
    subs = pd.read_csv("subscribers.csv", parse_dates=["signup_at"])
    feats = events.groupby("${key}").agg(sessions_30d=("session_id", "count"), avg_amount=("amount", "mean"))
    df = events.drop_duplicates("subscriber_id").set_index("subscriber_id").join(feats${key === 'subscriber_id' ? '' : ', on="plan"'})
    train = df[df["signup_week"] < 27]
    test = df[df["signup_week"] >= 27]
    clf = HistGradientBoostingClassifier(random_state=5).fit(train[["sessions_30d", "avg_amount"]], train["retained_m3"])
    print(roc_auc_score(test["retained_m3"], clf.predict_proba(test[["sessions_30d", "avg_amount"]])[:, 1]))
  `;

  it("stays silent on each subscriber's own aggregates joined onto the subscriber table", () => {
    expect(rule('preprocessing-before-split', { 'm3.py': retention('subscriber_id') })).toEqual([]);
  });

  it('fires on aggregates over every subscriber of a plan joined onto all of them', () => {
    expect(rule('preprocessing-before-split', { 'm3.py': retention('plan') }).map((f) => f.line)).toEqual([7]);
  });

  const encoding = (score: string) => py`
    import numpy as np
    from sklearn.linear_model import Ridge

    X_tr, Y_tr = np.load("stim_train.npy"), np.load("bold_train.npy")
    X_te, Y_te = np.load("stim_test.npy"), np.load("bold_test.npy")


    def voxel_corr(Y_true, Y_pred):
        Yt = (Y_true - Y_true.mean(0)) / Y_true.std(0)
        Yp = (Y_pred - Y_pred.mean(0)) / (Y_pred.std(0) + 1e-8)
        return (Yt * Yp).mean(0)


    model = Ridge(alpha=10.0).fit(X_tr, Y_tr)
    ${score}
  `;

  it('stays silent on a correlation metric that standardises the observed test responses', () => {
    expect(rule('fit-on-test', { 'encoding.py': encoding('r = voxel_corr(Y_te, model.predict(X_te))') })).toEqual([]);
  });

  it('fires when the test stimuli are standardised with their own statistics before prediction', () => {
    expect(rule('fit-on-test', { 'encoding.py': encoding('Z_te = (X_te - X_te.mean(0)) / X_te.std(0)\nr = voxel_corr(Y_te, model.predict(Z_te))') })).toHaveLength(1);
  });
});

describe('data cubes and cross-validated searches nobody reads', () => {
  const cube = (order: string) => py`
    import numpy as np
    import xarray as xr
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupShuffleSplit
    from sklearn.preprocessing import StandardScaler

    ds = xr.open_dataset("data/firecube.nc")
    df = ds[["t2m", "fwi", "ndvi", "fire"]].to_dataframe().reset_index().dropna()
    df["block_id"] = (np.floor(df["latitude"] / 2)).astype(int).astype(str) + "_" + (np.floor(df["longitude"] / 2)).astype(int).astype(str)
    X_cols = ["t2m", "fwi", "ndvi"]
    ${order}
    clf = LogisticRegression(max_iter=2000).fit(train[X_cols], train["fire"])
    print(roc_auc_score(test["fire"], clf.predict_proba(test[X_cols])[:, 1]))
  `;
  const split = 'gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=7)\ntrain_idx, test_idx = next(gss.split(df, df["fire"], groups=df["block_id"]))\ntrain, test = df.iloc[train_idx].copy(), df.iloc[test_idx].copy()';

  it('fires when the cells of an xarray cube are standardised before the block split', () => {
    const found = rule('preprocessing-before-split', { 'fire.py': cube(`df[X_cols] = StandardScaler().fit_transform(df[X_cols])\n${split}`) });
    expect(found.map((f) => f.line)).toEqual([12]);
  });

  it('stays silent when the scaler is fitted on the training blocks', () => {
    const found = rule('preprocessing-before-split', { 'fire.py': cube(`${split}\nsc = StandardScaler().fit(train[X_cols])\ntrain[X_cols], test[X_cols] = sc.transform(train[X_cols]), sc.transform(test[X_cols])`) });
    expect(found).toEqual([]);
  });

  const coding = (report: string) => py`
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GridSearchCV, GroupKFold
    from sklearn.pipeline import Pipeline

    notes = pd.read_csv("notes.csv")
    pipe = Pipeline([("tfidf", TfidfVectorizer(min_df=5)), ("clf", LogisticRegression(solver="liblinear", random_state=1))])
    search = GridSearchCV(pipe, {"clf__C": [1.0, 4.0]}, cv=GroupKFold(n_splits=3), scoring="f1_micro")
    search.fit(notes["text"], notes["code"], groups=notes["subject_id"])
    ${report}
  `;

  it('fires when the refit model is scored on the notes it was tuned and fitted on and best_score_ is never read', () => {
    const found = rule('no-held-out-evaluation', { 'coding.py': coding('print(f1_score(notes["code"], search.predict(notes["text"]), average="micro"))') });
    expect(found.map((f) => f.line)).toEqual([12]);
    expect(found[0]?.issue).toContain('`best_score_`');
  });

  it('stays silent when the code scores rows of its own it holds out (`X_eval`), traced or not', () => {
    const found = rule('no-held-out-evaluation', {
      'coding.py': coding('before = notes["year"] < 2019\nX_eval, y_eval = notes.loc[~before, "text"], notes.loc[~before, "code"]\nprint(f1_score(y_eval, search.predict(X_eval), average="micro"))'),
    });
    expect(found).toEqual([]);
  });

  it("stays silent when the search's cross-validated score is what is reported", () => {
    expect(rule('no-held-out-evaluation', { 'coding.py': coding('print("cv micro-F1:", search.best_score_)\nprint(f1_score(notes["code"], search.predict(notes["text"]), average="micro"))') })).toEqual([]);
  });
});

describe('overlapping windows cut from a stream', () => {
  const windows = (stride: string, split: string) => py`
    import mne
    import numpy as np
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import train_test_split

    raw = mne.io.read_raw_edf("chb01_03.edf", preload=True)
    data = raw.get_data()
    labels = np.load("chb01_03_labels.npy")
    win, step = 1280, ${stride}
    X, y = [], []
    for start in range(0, data.shape[1] - win + 1, step):
        X.append(data[:, start:start + win].std(axis=1))
        y.append(labels[start + win - 1])
    X, y = np.array(X), np.array(y)
    ${split}
    clf = RandomForestClassifier(random_state=0).fit(X_tr, y_tr)
    print(clf.score(X_te, y_te))
  `;

  it('fires when windows of an EEG recording, stepped by less than their width, are split at random', () => {
    const found = rule('shuffled-time-series-split', { 'predict.py': windows('640', 'X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)') });
    expect(found.map((f) => f.line)).toEqual([15]);
    expect(found[0]?.issue).toContain('overlapping windows cut from a stream');
  });

  it('stays silent when the windows are split in time order', () => {
    expect(rule('shuffled-time-series-split', { 'predict.py': windows('640', 'X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, shuffle=False)') })).toEqual([]);
  });

  it('stays silent when the windows lie side by side (stepped by their width)', () => {
    const found = rule('shuffled-time-series-split', { 'predict.py': windows('1280', 'X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)').replace('data[:, start:start + win]', 'data[:, start:start + step]') });
    expect(found).toEqual([]);
  });
});
