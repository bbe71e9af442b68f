/**
 * A curated news item with exactly the shape of the real seed (`shared/seeds/curated-news-item.md`):
 * same keys, nesting, quoting, `>-` blocks wrapped at 80 columns, nulls and quoted dates. The
 * wording is invented, because the seed is a shape reference, not content we may copy.
 */
export const sampleNewsItem = `---
aliases: /news/reminders-after-the-move-online
archetype: curated-content
author:
  - Sam Example
basePath: /news/
breadcrumbLinks:
  - /
  - /news/
  - ''
breadcrumbs:
  - Home
  - News
  - Reminders after the move online
categories:
  - 'Survey: Member Portals'
categorySlug:
  - 'survey: member portals'
categoryUrl:
  - topic/survey-member-portals
categoryLabel:
  - Member Portals
contentCategories: example-news-curated-content
institution: null
offering: null
layOut: single
date: '2021-10-16'
description: >-
  Dana Okafor, head of member services at the fictional co-op Riverbend Health,
  explains how appointment reminders changed after the clinic moved online and
  what comes next.
favIconImage: null
featuredImage:
  alt: Reminders after the move online
  format: JPEG
  href: 0f0e0d0c-1111-4222-8333-944455556666-featuredImage.jpeg
  size:
    - 720
    - 1280
  valid: true
  workPackage: 4242
  wpAttachment:
    fileName: Featured_Image.jpg
    link: /api/v3/attachments/100/content
featuredPdf: null
htmlMetaData:
  author: null
  description: >-
    Dana Okafor, head of member services at the fictional co-op Riverbend
    Health, explains how appointment reminders changed after the clinic moved
    online and what comes next.
  generator: 'SiteKit 3 (https://sitekit.example)'
  viewport: 'width=device-width, initial-scale=1.0'
  articlemodified_time: '2021-10-15T12:28:42-04:00'
  articlepublished_time: '2021-10-15T12:28:42-04:00'
  msvalidate.01: ABCDEF0123456789ABCDEF0123456789
  ogdescription: >-
    Dana Okafor, head of member services at the fictional co-op Riverbend
    Health, explains how appointment reminders changed after the clinic moved
    online and what comes next.
  ogimage: 'https://www.news.example.org/files/okafor.jpg'
  ogsite_name: Example News
  ogtitle: Reminders after the move online
  ogtype: article
  ogupdated_time: '2021-10-15T12:28:42-04:00'
  ogurl: >-
    https://www.news.example.org/video/reminders-after-the-move-online
  yandex-verification: 0123456789abcdef
  robots: null
  fbapp_id: null
  oglocale: null
  fbadmins: null
  articlepublisher: null
  google-site-verification: null
  keywords: null
id: 4242
identifier: News
lastMod: '2021-10-16T18:06:41.792141Z'
link:
  brand: news.example.org
  href: >-
    https://www.news.example.org/video/reminders-after-the-move-online
  original: >-
    https://www.news.example.org/video/reminders-after-the-move-online
href: >-
  https://www.news.example.org/video/reminders-after-the-move-online
original: >-
  https://www.news.example.org/video/reminders-after-the-move-online
mastHead: NEWS
mdName: 0f0e0d0c-1111-4222-8333-944455556666.md
openGraphMetaData:
  ogdescription: >-
    Dana Okafor, head of member services at the fictional co-op Riverbend
    Health, explains how appointment reminders changed after the clinic moved
    online and what comes next.
  ogtitle: Reminders after the move online
  ogurl: >-
    https://www.news.example.org/video/reminders-after-the-move-online
  ogimage: 'https://www.news.example.org/files/okafor.jpg'
  ogsite_name: Example News
  ogtype: article
  ogupdated_time: '2021-10-15T12:28:42-04:00'
  ogimageheight: null
openProjectCustomFields:
  cleanUrl: >-
    https://www.news.example.org/video/reminders-after-the-move-online
  exampleTopics:
    - 'Survey: Member Portals'
  sourceUrl: >-
    https://www.news.example.org/video/reminders-after-the-move-online
openProjectWorkPackageType: Curated Content
searchCategory: News
slug: examplenews-reminders-after-the-move-online
source: example-curations
status: ''
sub: brief
tags:
  - News
title: Reminders after the move online
via: ' '
insights_description: null
insights_name: null
viaLink: null
relatedOfferings:
  - label: Reminder Scheduler
    permalink: /offering/reminder-scheduler
    categories:
      - 'Survey: Member Portals'
    offeringId: 90001
  - label: Paperless Statements
    permalink: /offering/paperless-statements
    categories:
      - 'Survey: Member Portals'
    offeringId: 90002
  - label: Pay Desk
    permalink: /offering/pay-desk
    categories:
      - 'Survey: Member Portals'
    offeringId: 90003
  - label: Harbor Portal & Engagement Suite
    permalink: /offering/harbor-portal-engagement-suite
    categories:
      - 'Example News: Patient Engagement'
      - 'Survey: Member Portals'
    offeringId: 90004
  - label: Clinic Desk Portal
    permalink: /offering/clinic-desk-portal
    categories:
      - 'Example News: Practice Management'
      - 'Survey: Member Portals'
    offeringId: 90005
twitterMetaData:
  twittercard: summary_large_image
  twitterdescription: >-
    Dana Okafor, head of member services at the fictional co-op Riverbend
    Health, explains how appointment reminders changed after the clinic moved
    online and what comes next.
  twittertitle: Reminders after the move online
  twitterimage: 'https://www.news.example.org/files/okafor.jpg'
  twitterurl: >-
    https://www.news.example.org/video/reminders-after-the-move-online
---
<p>Dana Okafor, head of member services at the fictional co-op Riverbend Health, explains how appointment reminders changed after the clinic moved online and what comes next.</p>`;
