-- Single sign-on (issue 20 item 6): the account's binding to the council's OpenID provider, and
-- the council's choice that officers and councillors sign in only with the council account.
ALTER TABLE "CouncilSettings" ADD COLUMN     "ssoOnlyForStaff" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "User" ADD COLUMN     "ssoBoundAt" TIMESTAMPTZ(3),
ADD COLUMN     "ssoIssuer" TEXT,
ADD COLUMN     "ssoSubject" TEXT;

CREATE UNIQUE INDEX "User_ssoIssuer_ssoSubject_key" ON "User"("ssoIssuer", "ssoSubject");
