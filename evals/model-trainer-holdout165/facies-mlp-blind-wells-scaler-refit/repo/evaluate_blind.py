"""Score the saved MLP on the blind wells held back by the asset team."""
import joblib
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.preprocessing import StandardScaler

from common import LITHO_NAMES, LOGS, TARGET, read_wells

blind = read_wells("data/blind_wells.csv")
mlp = joblib.load("models/litho_mlp.joblib")

X_blind = StandardScaler().fit_transform(blind[LOGS].to_numpy())
pred = mlp.predict(X_blind)

print(f"blind wells: {sorted(blind.WELL.unique())}")
print(f"macro F1 : {f1_score(blind[TARGET], pred, average='macro'):.3f}")
print(classification_report(blind[TARGET], pred, labels=list(range(len(LITHO_NAMES))),
                            target_names=LITHO_NAMES, zero_division=0))

per_well = (blind.assign(pred=pred)
            .groupby("WELL")
            .apply(lambda w: f1_score(w[TARGET], w["pred"], average="macro")))
print(per_well.round(3))
cm = confusion_matrix(blind[TARGET], pred, labels=list(range(len(LITHO_NAMES))))
cm = pd.DataFrame(cm, index=LITHO_NAMES, columns=LITHO_NAMES)
cm.to_csv("blind_confusion.csv")
