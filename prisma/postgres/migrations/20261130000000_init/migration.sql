-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('CENTRAL_BANK', 'EMBASSY', 'FINANCIAL_CENTRE', 'INTERGOVERNMENTAL_BODY', 'INTERGOVERNMENTAL_COMMISSION', 'INTERGOVERNMENTAL_ORGANIZATION', 'MINISTRY', 'NEWS_MEDIA', 'PUBLIC_ASSEMBLY', 'SUPRANATIONAL_UNION', 'YOUTH_MOVEMENT', 'YOUTH_ORGANIZATION');

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('CITY', 'REGION');

-- CreateEnum
CREATE TYPE "AliasKind" AS ENUM ('ABBREVIATION', 'ASCII_FOLDING', 'TRANSLITERATION');

-- CreateEnum
CREATE TYPE "MeetingType" AS ENUM ('CONSULTATIONS', 'INTERGOVERNMENTAL_COMMISSION_SESSION', 'RECEPTION');

-- CreateEnum
CREATE TYPE "MeetingRelationKind" AS ENUM ('FOLLOW_UP_OF', 'SAME_DAY_AS');

-- CreateEnum
CREATE TYPE "DelegationSide" AS ENUM ('GUEST', 'HOST');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('DELEGATION_MEMBER', 'HEAD_OF_DELEGATION');

-- CreateEnum
CREATE TYPE "DiscussionStatus" AS ENUM ('AGREED', 'ASSESSED_POSITIVELY', 'CONFIRMED', 'DISCUSSED', 'STATED', 'SUPPORTED', 'UNDER_STUDY');

-- CreateEnum
CREATE TYPE "OutcomeStatus" AS ENUM ('ACHIEVED', 'AGREED', 'PLANNED', 'SCHEDULED', 'UNDER_STUDY');

-- CreateEnum
CREATE TYPE "TradeFlow" AS ENUM ('EXPORT', 'IMPORT', 'TURNOVER');

-- CreateEnum
CREATE TYPE "ReferencedEventKind" AS ENUM ('AGREEMENT_RATIFICATION', 'AGREEMENT_SIGNING', 'COMMEMORATIVE_VISIT', 'ELECTION', 'EXHIBITION', 'INSTITUTION_OPENING', 'ROUTE_OPENING', 'SERVICE_LAUNCH', 'SUMMIT');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "publishedOn" TIMESTAMP(3) NOT NULL,
    "language" TEXT NOT NULL,
    "note" TEXT,
    "informantId" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "officialName" TEXT,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountryDemonym" (
    "id" TEXT NOT NULL,
    "countryId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelKey" TEXT NOT NULL,

    CONSTRAINT "CountryDemonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PlaceKind" NOT NULL,
    "countryId" TEXT NOT NULL,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "kind" "OrganizationKind" NOT NULL,
    "countryId" TEXT,
    "parentId" TEXT,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "givenName" TEXT,
    "familyName" TEXT,
    "countryId" TEXT,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonAlias" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "AliasKind" NOT NULL,

    CONSTRAINT "PersonAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "countryId" TEXT,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tenure" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "attestedOn" TIMESTAMP(3) NOT NULL,
    "attestedMeetingId" TEXT,
    "note" TEXT,

    CONSTRAINT "Tenure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" "MeetingType" NOT NULL,
    "cameoCode" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL,
    "dateInferred" BOOLEAN NOT NULL,
    "dateNote" TEXT,
    "placeId" TEXT,
    "placeInferred" BOOLEAN NOT NULL,
    "placeNote" TEXT,
    "tone" TEXT,
    "summary" TEXT NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRelation" (
    "id" TEXT NOT NULL,
    "kind" "MeetingRelationKind" NOT NULL,
    "fromMeetingId" TEXT NOT NULL,
    "toMeetingId" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "MeetingRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "side" "DelegationSide" NOT NULL,
    "sideInferred" BOOLEAN NOT NULL,
    "countryId" TEXT NOT NULL,
    "organizationId" TEXT,
    "headId" TEXT,
    "headInferred" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "delegationId" TEXT,
    "personId" TEXT NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "inferred" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parentId" TEXT,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Discussion" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "status" "DiscussionStatus" NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "Discussion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "topicId" TEXT,
    "description" TEXT NOT NULL,
    "status" "OutcomeStatus" NOT NULL,
    "dueDate" TIMESTAMP(3),
    "duePrecision" "DatePrecision",
    "dueInferred" BOOLEAN NOT NULL,
    "dueNote" TEXT,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeParty" (
    "id" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "countryId" TEXT,
    "organizationId" TEXT,

    CONSTRAINT "OutcomeParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "postId" TEXT,
    "text" TEXT NOT NULL,
    "attributedAs" TEXT NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TradeRecord" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "flow" "TradeFlow" NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "periodPrecision" "DatePrecision" NOT NULL,
    "periodInferred" BOOLEAN NOT NULL,
    "periodNote" TEXT,
    "value" DOUBLE PRECISION NOT NULL,
    "currency" TEXT NOT NULL,
    "approximate" BOOLEAN NOT NULL,
    "meetingId" TEXT,

    CONSTRAINT "TradeRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "approximate" BOOLEAN NOT NULL,
    "qualifier" TEXT,
    "periodStart" TIMESTAMP(3),
    "periodEnd" TIMESTAMP(3),
    "periodPrecision" "DatePrecision",
    "periodInferred" BOOLEAN NOT NULL,
    "periodNote" TEXT,
    "reporterId" TEXT,
    "meetingId" TEXT,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferencedEvent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ReferencedEventKind" NOT NULL,
    "description" TEXT NOT NULL,
    "date" TIMESTAMP(3),
    "datePrecision" "DatePrecision",
    "dateInferred" BOOLEAN NOT NULL,
    "dateNote" TEXT,
    "placeId" TEXT,
    "organizationId" TEXT,

    CONSTRAINT "ReferencedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingReference" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "context" TEXT NOT NULL,

    CONSTRAINT "MeetingReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_EvidenceToPlace" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToPlace_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToOrganization" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToOrganization_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToPerson" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToPerson_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToPersonAlias" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToPersonAlias_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToPost" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToPost_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToTenure" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToTenure_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToMeeting" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToMeeting_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToMeetingRelation" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToMeetingRelation_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToParticipant" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToParticipant_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToOutcome" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToOutcome_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToQuote" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToQuote_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToTradeRecord" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToTradeRecord_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToFigure" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToFigure_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToReferencedEvent" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToReferencedEvent_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EvidenceToMeetingReference" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EvidenceToMeetingReference_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_CountryToEvidence" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CountryToEvidence_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_MeetingSources" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_MeetingSources_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_DelegationToEvidence" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_DelegationToEvidence_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_DiscussionToEvidence" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_DiscussionToEvidence_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Source_informantId_idx" ON "Source"("informantId");

-- CreateIndex
CREATE INDEX "Evidence_sourceId_idx" ON "Evidence"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Country_code_key" ON "Country"("code");

-- CreateIndex
CREATE INDEX "CountryDemonym_labelKey_idx" ON "CountryDemonym"("labelKey");

-- CreateIndex
CREATE UNIQUE INDEX "CountryDemonym_countryId_label_key" ON "CountryDemonym"("countryId", "label");

-- CreateIndex
CREATE INDEX "Place_countryId_idx" ON "Place"("countryId");

-- CreateIndex
CREATE INDEX "Place_name_idx" ON "Place"("name");

-- CreateIndex
CREATE INDEX "Organization_countryId_idx" ON "Organization"("countryId");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "Person_countryId_idx" ON "Person"("countryId");

-- CreateIndex
CREATE INDEX "Person_nameKey_idx" ON "Person"("nameKey");

-- CreateIndex
CREATE INDEX "PersonAlias_nameKey_idx" ON "PersonAlias"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "PersonAlias_personId_name_key" ON "PersonAlias"("personId", "name");

-- CreateIndex
CREATE INDEX "Post_organizationId_idx" ON "Post"("organizationId");

-- CreateIndex
CREATE INDEX "Post_countryId_idx" ON "Post"("countryId");

-- CreateIndex
CREATE INDEX "Tenure_postId_idx" ON "Tenure"("postId");

-- CreateIndex
CREATE INDEX "Tenure_attestedMeetingId_idx" ON "Tenure"("attestedMeetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Tenure_personId_postId_attestedOn_key" ON "Tenure"("personId", "postId", "attestedOn");

-- CreateIndex
CREATE INDEX "Meeting_date_idx" ON "Meeting"("date");

-- CreateIndex
CREATE INDEX "Meeting_placeId_idx" ON "Meeting"("placeId");

-- CreateIndex
CREATE INDEX "Meeting_type_idx" ON "Meeting"("type");

-- CreateIndex
CREATE INDEX "MeetingRelation_toMeetingId_idx" ON "MeetingRelation"("toMeetingId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRelation_fromMeetingId_toMeetingId_kind_key" ON "MeetingRelation"("fromMeetingId", "toMeetingId", "kind");

-- CreateIndex
CREATE INDEX "Delegation_countryId_idx" ON "Delegation"("countryId");

-- CreateIndex
CREATE INDEX "Delegation_organizationId_idx" ON "Delegation"("organizationId");

-- CreateIndex
CREATE INDEX "Delegation_headId_idx" ON "Delegation"("headId");

-- CreateIndex
CREATE UNIQUE INDEX "Delegation_meetingId_countryId_key" ON "Delegation"("meetingId", "countryId");

-- CreateIndex
CREATE INDEX "Participant_delegationId_idx" ON "Participant"("delegationId");

-- CreateIndex
CREATE INDEX "Participant_personId_idx" ON "Participant"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_meetingId_personId_key" ON "Participant"("meetingId", "personId");

-- CreateIndex
CREATE INDEX "Topic_parentId_idx" ON "Topic"("parentId");

-- CreateIndex
CREATE INDEX "Topic_name_idx" ON "Topic"("name");

-- CreateIndex
CREATE INDEX "Discussion_topicId_idx" ON "Discussion"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "Discussion_meetingId_topicId_key" ON "Discussion"("meetingId", "topicId");

-- CreateIndex
CREATE INDEX "Outcome_meetingId_idx" ON "Outcome"("meetingId");

-- CreateIndex
CREATE INDEX "Outcome_topicId_idx" ON "Outcome"("topicId");

-- CreateIndex
CREATE INDEX "OutcomeParty_outcomeId_idx" ON "OutcomeParty"("outcomeId");

-- CreateIndex
CREATE INDEX "OutcomeParty_countryId_idx" ON "OutcomeParty"("countryId");

-- CreateIndex
CREATE INDEX "OutcomeParty_organizationId_idx" ON "OutcomeParty"("organizationId");

-- CreateIndex
CREATE INDEX "Quote_meetingId_idx" ON "Quote"("meetingId");

-- CreateIndex
CREATE INDEX "Quote_speakerId_idx" ON "Quote"("speakerId");

-- CreateIndex
CREATE INDEX "Quote_postId_idx" ON "Quote"("postId");

-- CreateIndex
CREATE INDEX "TradeRecord_reporterId_idx" ON "TradeRecord"("reporterId");

-- CreateIndex
CREATE INDEX "TradeRecord_partnerId_idx" ON "TradeRecord"("partnerId");

-- CreateIndex
CREATE INDEX "TradeRecord_meetingId_idx" ON "TradeRecord"("meetingId");

-- CreateIndex
CREATE INDEX "TradeRecord_periodStart_idx" ON "TradeRecord"("periodStart");

-- CreateIndex
CREATE INDEX "Figure_reporterId_idx" ON "Figure"("reporterId");

-- CreateIndex
CREATE INDEX "Figure_meetingId_idx" ON "Figure"("meetingId");

-- CreateIndex
CREATE INDEX "ReferencedEvent_placeId_idx" ON "ReferencedEvent"("placeId");

-- CreateIndex
CREATE INDEX "ReferencedEvent_organizationId_idx" ON "ReferencedEvent"("organizationId");

-- CreateIndex
CREATE INDEX "ReferencedEvent_date_idx" ON "ReferencedEvent"("date");

-- CreateIndex
CREATE INDEX "MeetingReference_eventId_idx" ON "MeetingReference"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingReference_meetingId_eventId_key" ON "MeetingReference"("meetingId", "eventId");

-- CreateIndex
CREATE INDEX "_EvidenceToPlace_B_index" ON "_EvidenceToPlace"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToOrganization_B_index" ON "_EvidenceToOrganization"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToPerson_B_index" ON "_EvidenceToPerson"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToPersonAlias_B_index" ON "_EvidenceToPersonAlias"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToPost_B_index" ON "_EvidenceToPost"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToTenure_B_index" ON "_EvidenceToTenure"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToMeeting_B_index" ON "_EvidenceToMeeting"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToMeetingRelation_B_index" ON "_EvidenceToMeetingRelation"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToParticipant_B_index" ON "_EvidenceToParticipant"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToOutcome_B_index" ON "_EvidenceToOutcome"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToQuote_B_index" ON "_EvidenceToQuote"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToTradeRecord_B_index" ON "_EvidenceToTradeRecord"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToFigure_B_index" ON "_EvidenceToFigure"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToReferencedEvent_B_index" ON "_EvidenceToReferencedEvent"("B");

-- CreateIndex
CREATE INDEX "_EvidenceToMeetingReference_B_index" ON "_EvidenceToMeetingReference"("B");

-- CreateIndex
CREATE INDEX "_CountryToEvidence_B_index" ON "_CountryToEvidence"("B");

-- CreateIndex
CREATE INDEX "_MeetingSources_B_index" ON "_MeetingSources"("B");

-- CreateIndex
CREATE INDEX "_DelegationToEvidence_B_index" ON "_DelegationToEvidence"("B");

-- CreateIndex
CREATE INDEX "_DiscussionToEvidence_B_index" ON "_DiscussionToEvidence"("B");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_informantId_fkey" FOREIGN KEY ("informantId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryDemonym" ADD CONSTRAINT "CountryDemonym_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonAlias" ADD CONSTRAINT "PersonAlias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tenure" ADD CONSTRAINT "Tenure_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tenure" ADD CONSTRAINT "Tenure_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tenure" ADD CONSTRAINT "Tenure_attestedMeetingId_fkey" FOREIGN KEY ("attestedMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRelation" ADD CONSTRAINT "MeetingRelation_fromMeetingId_fkey" FOREIGN KEY ("fromMeetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRelation" ADD CONSTRAINT "MeetingRelation_toMeetingId_fkey" FOREIGN KEY ("toMeetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_headId_fkey" FOREIGN KEY ("headId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discussion" ADD CONSTRAINT "Discussion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discussion" ADD CONSTRAINT "Discussion_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeParty" ADD CONSTRAINT "OutcomeParty_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeParty" ADD CONSTRAINT "OutcomeParty_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeParty" ADD CONSTRAINT "OutcomeParty_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TradeRecord" ADD CONSTRAINT "TradeRecord_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TradeRecord" ADD CONSTRAINT "TradeRecord_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TradeRecord" ADD CONSTRAINT "TradeRecord_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferencedEvent" ADD CONSTRAINT "ReferencedEvent_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferencedEvent" ADD CONSTRAINT "ReferencedEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReference" ADD CONSTRAINT "MeetingReference_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReference" ADD CONSTRAINT "MeetingReference_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ReferencedEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPlace" ADD CONSTRAINT "_EvidenceToPlace_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPlace" ADD CONSTRAINT "_EvidenceToPlace_B_fkey" FOREIGN KEY ("B") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToOrganization" ADD CONSTRAINT "_EvidenceToOrganization_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToOrganization" ADD CONSTRAINT "_EvidenceToOrganization_B_fkey" FOREIGN KEY ("B") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPerson" ADD CONSTRAINT "_EvidenceToPerson_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPerson" ADD CONSTRAINT "_EvidenceToPerson_B_fkey" FOREIGN KEY ("B") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPersonAlias" ADD CONSTRAINT "_EvidenceToPersonAlias_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPersonAlias" ADD CONSTRAINT "_EvidenceToPersonAlias_B_fkey" FOREIGN KEY ("B") REFERENCES "PersonAlias"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPost" ADD CONSTRAINT "_EvidenceToPost_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToPost" ADD CONSTRAINT "_EvidenceToPost_B_fkey" FOREIGN KEY ("B") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToTenure" ADD CONSTRAINT "_EvidenceToTenure_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToTenure" ADD CONSTRAINT "_EvidenceToTenure_B_fkey" FOREIGN KEY ("B") REFERENCES "Tenure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToMeeting" ADD CONSTRAINT "_EvidenceToMeeting_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToMeeting" ADD CONSTRAINT "_EvidenceToMeeting_B_fkey" FOREIGN KEY ("B") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToMeetingRelation" ADD CONSTRAINT "_EvidenceToMeetingRelation_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToMeetingRelation" ADD CONSTRAINT "_EvidenceToMeetingRelation_B_fkey" FOREIGN KEY ("B") REFERENCES "MeetingRelation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToParticipant" ADD CONSTRAINT "_EvidenceToParticipant_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToParticipant" ADD CONSTRAINT "_EvidenceToParticipant_B_fkey" FOREIGN KEY ("B") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToOutcome" ADD CONSTRAINT "_EvidenceToOutcome_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToOutcome" ADD CONSTRAINT "_EvidenceToOutcome_B_fkey" FOREIGN KEY ("B") REFERENCES "Outcome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToQuote" ADD CONSTRAINT "_EvidenceToQuote_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToQuote" ADD CONSTRAINT "_EvidenceToQuote_B_fkey" FOREIGN KEY ("B") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToTradeRecord" ADD CONSTRAINT "_EvidenceToTradeRecord_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToTradeRecord" ADD CONSTRAINT "_EvidenceToTradeRecord_B_fkey" FOREIGN KEY ("B") REFERENCES "TradeRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToFigure" ADD CONSTRAINT "_EvidenceToFigure_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToFigure" ADD CONSTRAINT "_EvidenceToFigure_B_fkey" FOREIGN KEY ("B") REFERENCES "Figure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToReferencedEvent" ADD CONSTRAINT "_EvidenceToReferencedEvent_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToReferencedEvent" ADD CONSTRAINT "_EvidenceToReferencedEvent_B_fkey" FOREIGN KEY ("B") REFERENCES "ReferencedEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToMeetingReference" ADD CONSTRAINT "_EvidenceToMeetingReference_A_fkey" FOREIGN KEY ("A") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EvidenceToMeetingReference" ADD CONSTRAINT "_EvidenceToMeetingReference_B_fkey" FOREIGN KEY ("B") REFERENCES "MeetingReference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CountryToEvidence" ADD CONSTRAINT "_CountryToEvidence_A_fkey" FOREIGN KEY ("A") REFERENCES "Country"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CountryToEvidence" ADD CONSTRAINT "_CountryToEvidence_B_fkey" FOREIGN KEY ("B") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MeetingSources" ADD CONSTRAINT "_MeetingSources_A_fkey" FOREIGN KEY ("A") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MeetingSources" ADD CONSTRAINT "_MeetingSources_B_fkey" FOREIGN KEY ("B") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DelegationToEvidence" ADD CONSTRAINT "_DelegationToEvidence_A_fkey" FOREIGN KEY ("A") REFERENCES "Delegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DelegationToEvidence" ADD CONSTRAINT "_DelegationToEvidence_B_fkey" FOREIGN KEY ("B") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DiscussionToEvidence" ADD CONSTRAINT "_DiscussionToEvidence_A_fkey" FOREIGN KEY ("A") REFERENCES "Discussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DiscussionToEvidence" ADD CONSTRAINT "_DiscussionToEvidence_B_fkey" FOREIGN KEY ("B") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

