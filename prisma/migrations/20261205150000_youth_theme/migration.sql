-- A theme for links about young people (issue 21 item 8: searching "youth" finds them).
ALTER TYPE "Theme" ADD VALUE 'YOUTH';
